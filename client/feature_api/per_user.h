#pragma once
// State a screen keeps between frames that belongs to the person signed in: a half-typed form, a picker's
// search, a sort order, what a list has open. Declared at namespace scope or as a function-local static,
//     PerUser<GiveForm> form;            PerUser<std::string> filter;      PerUser<Flag> whole{{true}};
// it reads and writes like the value itself, and sign-out puts every one back to the value it started
// with, so nothing one person typed or opened survives into the next person's session on a shared device.
// Only for objects of static storage duration: each registers itself once, for the life of the program.
#include <functional>
#include <type_traits>
#include <utility>
#include <vector>

namespace tandem::client {

// Puts every PerUser value back to its first value (sign-out).
void forget_per_user_state();
void remember_per_user_reset(std::function<void()> reset);

template <typename T>
class PerUser : public T {
    static_assert(std::is_class_v<T>, "wrap a scalar in a struct (see Flag and Count below)");

public:
    PerUser() : PerUser(T{}) {}
    PerUser(T first) : T(first), first_(std::move(first)) {  // NOLINT: reads like the value it holds
        remember_per_user_reset([this] { static_cast<T&>(*this) = first_; });
    }
    PerUser(const PerUser&) = delete;
    PerUser& operator=(const PerUser&) = delete;
    PerUser& operator=(const T& value) {
        static_cast<T&>(*this) = value;
        return *this;
    }
    PerUser& operator=(T&& value) {
        static_cast<T&>(*this) = std::move(value);
        return *this;
    }

private:
    const T first_;
};

// Scalars a screen keeps, for PerUser (which holds class types only).
struct Flag {
    bool on = false;
};
struct Count {
    int value = 0;
};

} // namespace tandem::client
