#pragma once
// Result<T>: a value or an error message. core/ never lets exceptions cross its public API or a thread;
// errors travel as values (shared/DESIGN.md). Messages are for musicians: they name the file and the
// reason in plain words. Thread-agnostic; owns its value.

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace stemcrate {

struct Error
{
    std::string message;
};

template <class T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const std::string& error() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success or an error message.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error.message)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return *m_error; }

private:
    std::optional<std::string> m_error;
};

inline Error makeError(std::string message)
{
    return Error{std::move(message)};
}

} // namespace stemcrate
