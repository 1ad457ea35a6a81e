#include <iostream>

#include "manage/commands.hpp"
#include "project/config.hpp"

int main(int argc, char** argv) {
    return users::manage::run({argv + 1, argv + argc}, users::processEnvironment(), std::cout,
                              std::cerr);
}
