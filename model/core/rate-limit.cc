/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "rate-limit.h"

#include "config-error.h"

#include <boost/math/tools/roots.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ns3
{
namespace llmedge
{

RateLimit
ComputeRateLimit(const SemiMarkovBatteryModel& model, double riskLimit)
{
    if (!(riskLimit > 0 && riskLimit < 1))
    {
        ThrowConfigError("risk limit xi_lim", FormatValue(riskLimit), "must lie in (0, 1)");
    }
    RateLimit r;
    auto risk = [&](double q) {
        ++r.evaluations;
        return model.Solve(q).risk;
    };
    r.riskAtOne = risk(1.0);
    if (r.riskAtOne <= riskLimit)
    {
        r.qlimEnergy = 1.0;
    }
    else if (risk(0.0) > riskLimit)
    {
        r.qlimEnergy = 0.0;
    }
    else
    {
        std::uintmax_t maxIter = 100;
        auto f = [&](double q) { return risk(q) - riskLimit; };
        auto bracket = boost::math::tools::toms748_solve(f,
                                                         0.0,
                                                         1.0,
                                                         boost::math::tools::eps_tolerance<double>(40),
                                                         maxIter);
        // The lower end keeps risk <= limit (risk grows with q).
        r.qlimEnergy = bracket.first;
    }
    // kbar needs processing mass; at q = 0 there is none, so use q -> 0+.
    double qk = std::max(r.qlimEnergy, 1e-6);
    r.kbar = model.Solve(qk).kbar;
    ++r.evaluations;
    r.qlimTime = r.kbar > 0 ? 1.0 / r.kbar : 1.0;
    r.qlim = std::min(r.qlimEnergy, r.qlimTime);
    return r;
}

} // namespace llmedge
} // namespace ns3
