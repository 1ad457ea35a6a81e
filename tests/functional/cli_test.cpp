#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace users::testing {
namespace {

struct Outcome {
    int code = -1;
    std::string out;
    std::string err;
};

std::string contentOf(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs a shell command line with an empty environment (nothing but PATH), so no setting of
// the test run reaches the binary.
Outcome run(const std::string& command) {
    const auto base =
        std::filesystem::temp_directory_path() / ("cli-test-" + std::to_string(::getpid()));
    const std::string line = "env -i PATH=/usr/bin:/bin " + command + " >" + base.string() +
                             ".out 2>" + base.string() + ".err";
    const int status = std::system(line.c_str());
    Outcome result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, contentOf(base.string() + ".out"),
                   contentOf(base.string() + ".err")};
    std::filesystem::remove(base.string() + ".out");
    std::filesystem::remove(base.string() + ".err");
    return result;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

const char* const kVariables[] = {"APP_SETTINGS",
                                  "DATABASE_URL",
                                  "DATABASE_TEST_URL",
                                  "PORT",
                                  "HOST",
                                  "LOG_LEVEL",
                                  "HTTP_THREADS",
                                  "DB_POOL_SIZE",
                                  "DB_TIMEOUT_MS",
                                  "CORS_ORIGINS",
                                  "SWAGGER_UI_DIR",
                                  "LOG_FORMAT",
                                  "METRICS_ENABLED",
                                  "SHUTDOWN_TIMEOUT_MS"};

TEST(Cli, ServerHelpListsEveryVariableAndExitsZeroWithoutConfiguration) {
    const Outcome help = run(SERVER_BINARY " --help");
    EXPECT_EQ(help.code, 0) << help.err;
    EXPECT_EQ(help.err, "");
    for (const char* name : kVariables) {
        EXPECT_TRUE(std::regex_search(help.out, std::regex(std::string("\n  ") + name + " ")))
            << name;
    }
    EXPECT_NE(help.out.find("(default: 10000)"), std::string::npos);
}

TEST(Cli, BothBinariesStateTheSameVersionAndRevision) {
    const std::regex version(R"((\S+) (\d+\.\d+\.\d+) \(revision ([0-9a-f]{7,40}|unknown)\)\n)");
    const Outcome server = run(SERVER_BINARY " --version");
    const Outcome manage = run(MANAGE_BINARY " --version");
    std::smatch serverMatch;
    std::smatch manageMatch;
    ASSERT_TRUE(std::regex_match(server.out, serverMatch, version)) << server.out;
    ASSERT_TRUE(std::regex_match(manage.out, manageMatch, version)) << manage.out;
    EXPECT_EQ(server.code, 0);
    EXPECT_EQ(manage.code, 0);
    EXPECT_EQ(serverMatch[1], "users-server");
    EXPECT_EQ(manageMatch[1], "manage");
    EXPECT_EQ(serverMatch[2], manageMatch[2]);
    EXPECT_EQ(serverMatch[3], manageMatch[3]);
}

TEST(Cli, AnUnknownArgumentIsOneLineOnStderrAndExitCodeTwo) {
    for (const std::string& command :
         {std::string(SERVER_BINARY " --frobnicate"), std::string(SERVER_BINARY " serve now"),
          std::string(MANAGE_BINARY " --frobnicate")}) {
        const Outcome refused = run(command);
        EXPECT_EQ(refused.code, 2) << command;
        EXPECT_EQ(refused.out, "") << command;
        EXPECT_EQ(linesOf(refused.err).size(), 1U) << command << ": " << refused.err;
        EXPECT_NE(refused.err.find("unknown"), std::string::npos) << refused.err;
    }
    // As documented: an unknown command also shows the usage.
    const Outcome command = run(MANAGE_BINARY " drop_everything");
    EXPECT_EQ(command.code, 2);
    EXPECT_NE(command.err.find("unknown command 'drop_everything'"), std::string::npos);
    EXPECT_NE(command.err.find("Usage: manage"), std::string::npos);
}

// The commands and options manage --help lists: the first word of the entries in its
// "Commands:" and "Options:" sections.
std::set<std::string> manageWords() {
    std::set<std::string> words;
    const std::regex heading(R"(^(\w+):$)");
    const std::regex entry(R"(^  (-{0,2}[a-z_]+)  .*)");
    std::string section;
    std::smatch match;
    for (const auto& line : linesOf(run(MANAGE_BINARY " --help").out)) {
        if (std::regex_match(line, match, heading)) section = match[1];
        if ((section == "Commands" || section == "Options") &&
            std::regex_match(line, match, entry)) {
            words.insert(match[1]);
        }
    }
    return words;
}

std::set<std::string> completions(const std::string& words, int index) {
    const Outcome completed = run("bash -c 'source " COMPLETION_FILE "; COMP_WORDS=(" + words +
                                  "); COMP_CWORD=" + std::to_string(index) +
                                  "; _manage; printf \"%s\\n\" \"${COMPREPLY[@]}\"'");
    EXPECT_EQ(completed.code, 0) << completed.err;
    std::set<std::string> offered;
    for (const auto& line : linesOf(completed.out)) {
        if (!line.empty()) offered.insert(line);
    }
    return offered;
}

TEST(Cli, BashCompletionOffersExactlyWhatManageHelpLists) {
    const std::set<std::string> listed = manageWords();
    EXPECT_EQ(listed, (std::set<std::string>{"recreate_db", "seed_db", "check_health", "--help",
                                             "--version"}));
    EXPECT_EQ(completions("manage \"\"", 1), listed);
    EXPECT_EQ(completions("manage re", 1), std::set<std::string>{"recreate_db"});
    EXPECT_EQ(completions("manage seed_db \"\"", 2), std::set<std::string>{});
}

#ifdef MAN_PAGES
TEST(Cli, ManPagesAreGeneratedFromTheHelp) {
    const std::string server = contentOf(SERVER_MAN_PAGE);
    EXPECT_NE(server.find(".TH USERS-SERVER \"1\""), std::string::npos) << server.substr(0, 300);
    for (const char* name : kVariables) EXPECT_NE(server.find(name), std::string::npos) << name;
    const std::string manage = contentOf(MANAGE_MAN_PAGE);
    EXPECT_NE(manage.find(".TH MANAGE \"1\""), std::string::npos) << manage.substr(0, 300);
    for (const char* command : {"recreate_db", "seed_db", "check_health"}) {
        EXPECT_NE(manage.find(command), std::string::npos) << command;
    }
}

TEST(Cli, InstallPutsBinariesManPagesAndCompletionInPlace) {
    const auto prefix =
        std::filesystem::temp_directory_path() / ("install-test-" + std::to_string(::getpid()));
    const Outcome install =
        run(CMAKE_COMMAND " --install " BUILD_DIR " --prefix " + prefix.string());
    EXPECT_EQ(install.code, 0) << install.out << install.err;
    for (const char* file :
         {"bin/users-server", "bin/manage", "share/man/man1/users-server.1",
          "share/man/man1/manage.1", "share/bash-completion/completions/manage"}) {
        EXPECT_TRUE(std::filesystem::is_regular_file(prefix / file)) << file;
    }
    EXPECT_EQ(contentOf(prefix / "share/bash-completion/completions/manage"),
              contentOf(COMPLETION_FILE));
    std::filesystem::remove_all(prefix);
}
#endif

}  // namespace
}  // namespace users::testing
