#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace users {

// A value that may arrive later, on the same thread (a reactor's): a database answer, say. A
// ready value converts implicitly, so a handler that answers at once reads as before:
//     return repository.findById(id).then([](std::optional<User> user) { ... });
// An exception thrown by a continuation travels to the next `recover`/`settle`. Single-threaded
// by design: whoever settles it runs the continuations right there.
template <typename T>
class Later;

namespace detail {

template <typename T>
struct LaterState {
    std::optional<T> value;
    std::exception_ptr error;
    std::function<void(LaterState&)> continuation;

    bool settled() const { return value.has_value() || error != nullptr; }
    void settle() {
        if (!continuation) return;
        auto next = std::move(continuation);
        continuation = nullptr;
        next(*this);
    }
};

template <typename T>
struct IsLater : std::false_type {};
template <typename T>
struct IsLater<Later<T>> : std::true_type {};

template <typename T>
struct Unwrap {
    using Type = T;
};
template <typename T>
struct Unwrap<Later<T>> {
    using Type = T;
};

}  // namespace detail

// The settling side of a pending Later. Settling twice is ignored: a late answer after a
// deadline changes nothing.
template <typename T>
class Resolver {
public:
    void resolve(T value) const {
        if (state_->settled()) return;
        state_->value.emplace(std::move(value));
        state_->settle();
    }
    void reject(const std::exception_ptr& error) const {
        if (state_->settled()) return;
        state_->error = error;
        state_->settle();
    }
    bool settled() const { return state_->settled(); }

private:
    friend class Later<T>;
    explicit Resolver(std::shared_ptr<detail::LaterState<T>> state) : state_(std::move(state)) {}
    std::shared_ptr<detail::LaterState<T>> state_;
};

template <typename T>
class Later {
public:
    using ValueType = T;

    Later(T value) : state_(std::make_shared<detail::LaterState<T>>()) {  // NOLINT: implicit
        state_->value.emplace(std::move(value));
    }

    static Later failed(const std::exception_ptr& error) {
        Later later(std::make_shared<detail::LaterState<T>>());
        later.state_->error = error;
        return later;
    }

    // A Later not settled yet, and the Resolver that will settle it.
    static std::pair<Later, Resolver<T>> pending() {
        auto state = std::make_shared<detail::LaterState<T>>();
        return {Later(state), Resolver<T>(state)};
    }

    // f(T) returning U or Later<U>: a Later<U>.
    template <typename F>
    auto then(F f) && {
        using Result = std::invoke_result_t<F, T>;
        using U = typename detail::Unwrap<Result>::Type;
        auto [next, resolver] = Later<U>::pending();
        onSettled([f = std::move(f), resolver = resolver](detail::LaterState<T>& state) mutable {
            if (state.error) return resolver.reject(state.error);
            try {
                if constexpr (detail::IsLater<Result>::value) {
                    f(std::move(*state.value))
                        .settle([resolver](U value) { resolver.resolve(std::move(value)); },
                                [resolver](std::exception_ptr error) { resolver.reject(error); });
                } else {
                    resolver.resolve(f(std::move(*state.value)));
                }
            } catch (...) {
                resolver.reject(std::current_exception());
            }
        });
        return next;
    }

    // f(std::exception_ptr) returning T: turns a failure into a value (it may rethrow).
    template <typename F>
    Later recover(F f) && {
        auto [next, resolver] = pending();
        onSettled([f = std::move(f), resolver = resolver](detail::LaterState<T>& state) mutable {
            if (!state.error) return resolver.resolve(std::move(*state.value));
            try {
                resolver.resolve(f(state.error));
            } catch (...) {
                resolver.reject(std::current_exception());
            }
        });
        return next;
    }

    // The end of a chain: exactly one of the two runs, once.
    void settle(std::function<void(T)> onValue,
                std::function<void(std::exception_ptr)> onError) && {
        onSettled([onValue = std::move(onValue),
                   onError = std::move(onError)](detail::LaterState<T>& state) {
            if (state.error) {
                onError(state.error);
            } else {
                onValue(std::move(*state.value));
            }
        });
    }

    bool ready() const { return state_->settled(); }

private:
    template <typename>
    friend class Later;
    explicit Later(std::shared_ptr<detail::LaterState<T>> state) : state_(std::move(state)) {}

    void onSettled(std::function<void(detail::LaterState<T>&)> continuation) {
        state_->continuation = std::move(continuation);
        if (state_->settled()) state_->settle();
    }

    std::shared_ptr<detail::LaterState<T>> state_;
};

}  // namespace users
