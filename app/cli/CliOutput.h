#pragma once
// What stemcrate-cli's commands print: error lines on stderr in the form
// "error: <file>: <reason>", and JSON text. Main thread.

#include <string>
#include <string_view>

namespace stemcrate::cli {

void printError(const std::string& file, const std::string& reason);

// Prints "error: <message>" and the command's usage text on stderr; returns the usage exit status, 2.
int usageError(const std::string& message, const char* usage);

// Strips a leading "'<file>': " from core's messages so that the error line names the file once.
std::string reasonOnly(const std::string& message, const std::string& file);

// A JSON string literal, quotes included. Bytes that are not valid UTF-8 become U+FFFD.
std::string jsonString(std::string_view text);

// A JSON number with `decimals` decimals, or null when not finite.
std::string jsonNumber(double value, int decimals);

} // namespace stemcrate::cli
