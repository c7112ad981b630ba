#include "CliArguments.h"

#include "CliOutput.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace stemcrate::cli {

CliArguments::CliArguments(std::set<std::string> valueOptions, std::set<std::string> flags)
    : m_valueOptions(std::move(valueOptions)), m_flags(std::move(flags))
{
}

std::string CliArguments::parse(const std::vector<std::string>& args)
{
    bool onlyPositional = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (onlyPositional || arg.size() < 2 || arg[0] != '-') {
            m_positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
        std::optional<std::string> inlineValue;
        if (const size_t eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (m_flags.count(name)) {
            if (inlineValue)
                return substitute(translate("stemcrate-cli", "option --%1 takes no value"), {name});
            m_setFlags.insert(name);
        } else if (m_valueOptions.count(name)) {
            if (inlineValue) {
                m_values[name] = *inlineValue;
            } else if (i + 1 < args.size()) {
                m_values[name] = args[++i];
            } else {
                return substitute(translate("stemcrate-cli", "option %1 needs a value"), {arg});
            }
        } else {
            return substitute(translate("stemcrate-cli", "unknown option %1"), {arg});
        }
    }
    return {};
}

std::optional<std::string> CliArguments::value(const std::string& name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::optional<double> parseNumber(const std::string& text, double min, double max)
{
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v) || v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<int> parseInteger(const std::string& text, int min, int max)
{
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max)
        return std::nullopt;
    return v;
}

} // namespace stemcrate::cli
