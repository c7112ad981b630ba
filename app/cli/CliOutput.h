#pragma once
// What stemcrate-cli's commands print: error lines on stderr in the form
// "error: <file>: <reason>", JSON text, and messages in the user's language. Main thread.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemcrate::cli {

class CliArguments;

// A message in the user's language, as UTF-8: `sourceText` looked up under `context` ("stemcrate-cli") in the
// translator main() installs (translations/stemcrate_<language>.ts; else English, which holds only plural
// forms). lupdate finds the calls by this name, so pass string literals. Only messages are translated: JSON,
// option names and the "error:" prefix that scripts look for stay as they are.
std::string translate(const char* context, const char* sourceText);
// A counted message: "%n" in `sourceText` becomes `count`, in the plural form the language takes for it
// ("found %n slice(s)" reads "found 93 slices"); `disambiguation` may be nullptr.
std::string translate(const char* context, const char* sourceText, const char* disambiguation, int count);

// `text` with %1 ... %9 replaced by `values` in order, in one pass (a value's own "%1" stays).
std::string substitute(const std::string& text, std::initializer_list<std::string> values);

void printError(const std::string& file, const std::string& reason);

// Prints "error: <message>" and the command's usage text on stderr; returns the usage exit status, 2.
int usageError(const std::string& message, const char* usage);

// Every command's start: parses `args` into `arguments`. Returns the exit status when the command is done
// already (2 after a usage error, printed with `usage`; 0 after --help/-h printed `usage`), else nothing.
std::optional<int> parseCommandLine(CliArguments& arguments, const std::vector<std::string>& args,
                                    const char* usage);

// Strips a leading "'<file>': " from core's messages so that the error line names the file once.
std::string reasonOnly(const std::string& message, const std::string& file);

// A JSON string literal, quotes included. Bytes that are not valid UTF-8 become U+FFFD.
std::string jsonString(std::string_view text);

// A JSON number with `decimals` decimals, or null when not finite.
std::string jsonNumber(double value, int decimals);

} // namespace stemcrate::cli
