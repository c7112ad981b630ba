#pragma once
// A small command-line scanner for stemcrate-cli's sub-commands: `--name value`, `--name=value`, flags and
// positional arguments. Usage errors come back as messages; the caller prints them and exits 2.
// Plain value type; any thread.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace stemcrate::cli {

class CliArguments
{
public:
    // valueOptions take a value (e.g. "model", "o"); flags do not (e.g. "help").
    CliArguments(std::set<std::string> valueOptions, std::set<std::string> flags);

    // Returns an error message, or an empty string on success.
    std::string parse(const std::vector<std::string>& args);

    bool has(const std::string& name) const { return m_values.count(name) > 0 || m_setFlags.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::set<std::string> m_valueOptions;
    std::set<std::string> m_flags;
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_setFlags;
    std::vector<std::string> m_positional;
};

// Strict number parsing for option values: the whole string must be a number in [min, max].
std::optional<double> parseNumber(const std::string& text, double min, double max);
std::optional<int> parseInteger(const std::string& text, int min, int max);

} // namespace stemcrate::cli
