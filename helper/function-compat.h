/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_FUNCTION_COMPAT_H
#define LLM_EDGE_FUNCTION_COMPAT_H

// Lambdas as events and callbacks on every supported ns-3 (3.35 to 3.48).
// ns-3.35's Simulator::Schedule (MakeEvent) takes function pointers and
// member functions only, and its Callback cannot be built from a lambda
// (from 3.36 both can, with another constructor). These two wrappers use what
// all releases have: a free function taking a std::function argument, and a
// member-function callback on a reference-counted holder.

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"
#include "ns3/simulator.h"

#include <functional>
#include <utility>

namespace ns3
{
namespace llmedge
{
namespace compat
{

/// Runs a scheduled std::function (the event body of ScheduleFunction).
inline void
RunFunction(std::function<void()> f)
{
    f();
}

/**
 * Holds a std::function for MakeFunctionCallback.
 * \tparam R return type
 * \tparam Args argument types
 */
template <typename R, typename... Args>
class FunctionHolder : public SimpleRefCount<FunctionHolder<R, Args...>>
{
  public:
    /// \param f the function
    explicit FunctionHolder(std::function<R(Args...)> f)
        : m_f(std::move(f))
    {
    }

    /**
     * \param args the arguments
     * \return what the function returns
     */
    R Call(Args... args)
    {
        return m_f(args...);
    }

  private:
    std::function<R(Args...)> m_f; ///< the function
};

} // namespace compat

/**
 * \ingroup llm-edge
 * \brief Simulator::Schedule for any callable (a lambda), on every ns-3.
 * \param delay delay from now
 * \param f the callable, taking no arguments
 * \return the event
 */
template <typename F>
EventId
ScheduleFunction(const Time& delay, F&& f)
{
    return Simulator::Schedule(delay,
                               &compat::RunFunction,
                               std::function<void()>(std::forward<F>(f)));
}

/**
 * \ingroup llm-edge
 * \brief An ns3::Callback<R, Args...> calling any callable (a lambda), on every ns-3.
 * \tparam R return type
 * \tparam Args argument types
 * \param f the callable
 * \return the callback
 */
template <typename R, typename... Args, typename F>
Callback<R, Args...>
MakeFunctionCallback(F&& f)
{
    Ptr<compat::FunctionHolder<R, Args...>> holder = Create<compat::FunctionHolder<R, Args...>>(
        std::function<R(Args...)>(std::forward<F>(f)));
    return MakeCallback(&compat::FunctionHolder<R, Args...>::Call, holder);
}

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_FUNCTION_COMPAT_H */
