#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace hexmap {

// FunctionRef<R(Args...)>: a non-owning reference to a callable (C++20 has no std::function_ref). Two pointers,
// never allocates; the callable must outlive the FunctionRef (pass it as a parameter, do not store it).
// Thread: whatever the referenced callable allows.
template <typename Signature>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
public:
    template <typename F>
        requires(!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> && std::is_invocable_r_v<R, F &, Args...>)
    FunctionRef(F &&callable) noexcept // NOLINT(google-explicit-constructor): meant to bind lambdas implicitly
        : m_object(const_cast<void *>(static_cast<const void *>(std::addressof(callable))))
        , m_call([](void *object, Args... args) -> R {
            return (*static_cast<std::remove_reference_t<F> *>(object))(std::forward<Args>(args)...);
        })
    {
    }

    R operator()(Args... args) const { return m_call(m_object, std::forward<Args>(args)...); }

private:
    void *m_object;
    R (*m_call)(void *, Args...);
};

} // namespace hexmap
