/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "parameter-fit.h"

#include "config-error.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <memory>

namespace ns3
{
namespace llmedge
{

namespace
{

/// p = lower + (upper - lower) (1 + sin u) / 2
double
ToBox(const FitParameter& p, double u)
{
    double v = p.lower + (p.upper - p.lower) * 0.5 * (1.0 + std::sin(u));
    return std::min(std::max(v, p.lower), p.upper);
}

/// The u of ToBox for a value inside the box.
double
FromBox(const FitParameter& p, double v)
{
    if (p.upper <= p.lower)
    {
        return 0;
    }
    double t = 2.0 * (v - p.lower) / (p.upper - p.lower) - 1.0;
    return std::asin(std::min(std::max(t, -1.0), 1.0));
}

void
CheckParameters(const std::vector<FitParameter>& parameters)
{
    if (parameters.empty())
    {
        throw ConfigError("parameter fit: no parameter to fit");
    }
    for (const auto& p : parameters)
    {
        if (!(std::isfinite(p.lower) && std::isfinite(p.upper) && p.lower <= p.upper))
        {
            ThrowConfigError("bounds of " + p.name,
                             "[" + FormatValue(p.lower) + ", " + FormatValue(p.upper) + "]",
                             "must be finite with lower <= upper");
        }
        if (!(p.start >= p.lower && p.start <= p.upper))
        {
            ThrowConfigError("start of " + p.name, FormatValue(p.start),
                             "must be inside [" + FormatValue(p.lower) + ", " +
                                 FormatValue(p.upper) + "]");
        }
    }
}

/// What the GSL callback needs.
struct Context
{
    const std::vector<FitParameter>* parameters;
    const std::function<FitEvaluation(const std::vector<double>&)>* loss;
    FitResult* result;
    std::exception_ptr error;
};

double
GslObjective(const gsl_vector* u, void* data)
{
    auto* c = static_cast<Context*>(data);
    std::vector<double> p(c->parameters->size());
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        p[i] = ToBox((*c->parameters)[i], gsl_vector_get(u, i));
    }
    try
    {
        FitEvaluation e = (*c->loss)(p);
        e.parameters = p;
        c->result->history.push_back(e);
        c->result->evaluations++;
        if (c->result->evaluations == 1 || e.loss < c->result->loss)
        {
            c->result->best = p;
            c->result->outputs = e.outputs;
            c->result->loss = e.loss;
        }
        return std::isfinite(e.loss) ? e.loss : std::numeric_limits<double>::max();
    }
    catch (...)
    {
        c->error = std::current_exception();
        return GSL_NAN;
    }
}

/// Deterministic model with a memory: the same parameters are simulated once.
class CachedModel
{
  public:
    explicit CachedModel(const FitModel& model)
        : m_model(model)
    {
    }

    void Remember(const std::vector<double>& p, const std::vector<double>& out)
    {
        m_cache.emplace(p, out);
    }

    std::vector<double> operator()(const std::vector<double>& p)
    {
        auto it = m_cache.find(p);
        if (it != m_cache.end())
        {
            return it->second;
        }
        std::vector<double> out = m_model(p);
        m_cache.emplace(p, out);
        return out;
    }

  private:
    const FitModel& m_model;
    std::map<std::vector<double>, std::vector<double>> m_cache;
};

void
CheckOutputs(const std::vector<FitTarget>& targets, const std::vector<double>& out)
{
    if (out.size() != targets.size())
    {
        throw ConfigError("parameter fit: the model returned " + std::to_string(out.size()) +
                          " values for " + std::to_string(targets.size()) + " targets");
    }
}

} // namespace

double
RelativeError(double ours, double paper)
{
    if (paper == 0 || !std::isfinite(paper))
    {
        ThrowConfigError("paper value", FormatValue(paper),
                         "must be finite and not 0 (errors are relative to it)");
    }
    return (ours - paper) / std::abs(paper);
}

double
WeightedLoss(const std::vector<FitTarget>& targets, const std::vector<double>& ours)
{
    CheckOutputs(targets, ours);
    double sum = 0;
    for (std::size_t i = 0; i < targets.size(); ++i)
    {
        double e = RelativeError(ours[i], targets[i].paper);
        sum += targets[i].weight * e * e;
    }
    return sum;
}

FitResult
MinimizeInBox(const std::vector<FitParameter>& parameters,
              const std::function<FitEvaluation(const std::vector<double>&)>& loss,
              const FitOptions& options)
{
    CheckParameters(parameters);
    FitResult result;
    const std::size_t n = parameters.size();
    Context ctx{&parameters, &loss, &result, nullptr};
    gsl_set_error_handler_off();
    gsl_multimin_function f;
    f.n = n;
    f.f = &GslObjective;
    f.params = &ctx;
    std::unique_ptr<gsl_vector, decltype(&gsl_vector_free)> x(gsl_vector_alloc(n),
                                                              &gsl_vector_free);
    std::unique_ptr<gsl_vector, decltype(&gsl_vector_free)> step(gsl_vector_alloc(n),
                                                                 &gsl_vector_free);
    for (std::size_t i = 0; i < n; ++i)
    {
        double u = FromBox(parameters[i], parameters[i].start);
        // At a bound sin has zero slope: start slightly inside.
        constexpr double kHalfPi = 1.5707963267948966;
        u = std::min(std::max(u, -kHalfPi + 0.05), kHalfPi - 0.05);
        gsl_vector_set(x.get(), i, u);
        gsl_vector_set(step.get(), i, options.initialStep);
    }
    std::unique_ptr<gsl_multimin_fminimizer, decltype(&gsl_multimin_fminimizer_free)> s(
        gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n),
        &gsl_multimin_fminimizer_free);
    int status = gsl_multimin_fminimizer_set(s.get(), &f, x.get(), step.get());
    while (status == GSL_SUCCESS && !ctx.error && result.evaluations < options.maxEvaluations)
    {
        status = gsl_multimin_fminimizer_iterate(s.get());
        if (status != GSL_SUCCESS || ctx.error)
        {
            break;
        }
        if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(s.get()), options.tolerance) ==
            GSL_SUCCESS)
        {
            result.converged = true;
            break;
        }
    }
    if (ctx.error)
    {
        std::rethrow_exception(ctx.error);
    }
    return result;
}

FitResult
FitParameters(const std::vector<FitParameter>& parameters,
              const std::vector<FitTarget>& targets,
              const FitModel& model,
              const FitOptions& options)
{
    auto loss = [&](const std::vector<double>& p) {
        FitEvaluation e;
        e.outputs = model(p);
        e.loss = WeightedLoss(targets, e.outputs);
        return e;
    };
    return MinimizeInBox(parameters, loss, options);
}

std::vector<FitSensitivity>
ComputeSensitivity(const std::vector<FitParameter>& parameters,
                   const std::vector<FitTarget>& targets,
                   const FitModel& model,
                   const std::vector<double>& best,
                   double step)
{
    CheckParameters(parameters);
    double at = WeightedLoss(targets, model(best));
    std::vector<FitSensitivity> out(parameters.size());
    for (std::size_t i = 0; i < parameters.size(); ++i)
    {
        auto moved = [&](double factor) {
            std::vector<double> p = best;
            p[i] = std::min(std::max(best[i] * factor, parameters[i].lower), parameters[i].upper);
            return WeightedLoss(targets, model(p));
        };
        out[i].lossDown = moved(1 - step);
        out[i].lossUp = moved(1 + step);
        out[i].rise = std::max(out[i].lossDown, out[i].lossUp) - at;
    }
    return out;
}

std::vector<FitReach>
CheckReachability(const std::vector<FitParameter>& parameters,
                  const std::vector<FitTarget>& targets,
                  const FitModel& model,
                  const std::vector<FitEvaluation>& history,
                  const FitOptions& options)
{
    CheckParameters(parameters);
    CachedModel cached(model);
    for (const auto& e : history)
    {
        cached.Remember(e.parameters, e.outputs);
    }
    std::vector<FitReach> out(targets.size());
    for (std::size_t t = 0; t < targets.size(); ++t)
    {
        const FitTarget& target = targets[t];
        auto distance = [&](double v) { return std::abs(v - target.paper); };
        FitReach& r = out[t];
        r.closest = std::numeric_limits<double>::quiet_NaN();
        for (const auto& e : history)
        {
            if (std::isnan(r.closest) || distance(e.outputs[t]) < distance(r.closest))
            {
                r.closest = e.outputs[t];
                r.parameters = e.parameters;
            }
        }
        if (!std::isnan(r.closest) && distance(r.closest) <= target.uncertainty)
        {
            r.reachable = true;
            continue;
        }
        if (options.maxEvaluations == 0)
        {
            continue; // the history alone
        }
        std::vector<FitParameter> from = parameters;
        for (std::size_t i = 0; i < from.size() && !r.parameters.empty(); ++i)
        {
            from[i].start = r.parameters[i];
        }
        auto one = [&](const std::vector<double>& p) {
            FitEvaluation e;
            e.outputs = cached(p);
            CheckOutputs(targets, e.outputs);
            double rel = RelativeError(e.outputs[t], target.paper);
            e.loss = rel * rel;
            return e;
        };
        FitResult f = MinimizeInBox(from, one, options);
        if (std::isnan(r.closest) || distance(f.outputs[t]) < distance(r.closest))
        {
            r.closest = f.outputs[t];
            r.parameters = f.best;
        }
        // Values on both sides of the paper's: the box is convex, so on the
        // segment between the two points a continuous model meets it.
        bool below = false;
        bool above = false;
        const std::vector<FitEvaluation>* searched = &f.history;
        for (const auto* h : {&history, searched})
        {
            for (const auto& e : *h)
            {
                below = below || e.outputs[t] <= target.paper;
                above = above || e.outputs[t] >= target.paper;
            }
        }
        r.reachable = distance(r.closest) <= target.uncertainty || (below && above);
    }
    return out;
}

} // namespace llmedge
} // namespace ns3
