#pragma once

#include <cstddef>
#include <string_view>

namespace users {

// Length of the well-formed UTF-8 sequence that starts at text[at] (1 for ASCII), or 0 where
// none does: a stray continuation byte, an overlong form, a surrogate, a value past U+10FFFF or
// a sequence cut short.
std::size_t utf8SequenceLength(std::string_view text, std::size_t at);

bool isValidUtf8(std::string_view text);

}  // namespace users
