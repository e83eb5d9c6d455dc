/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the pure fitting core (model/core/parameter-fit.h): the GSL
// simplex recovers known parameters of a model from the model's own outputs,
// stays inside the bounds, and reports a target that no value within the
// bounds reaches as unreachable.

#include "ns3/config-error.h"
#include "ns3/parameter-fit.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace ns3::llmedge;

namespace
{

/// A smooth nonlinear model of two parameters with four outputs, shaped
/// like Fig. 2a's (jobs and battery against q and the harvest).
std::vector<double>
Toy(const std::vector<double>& p)
{
    double q = p[0];
    double h = p[1];
    return {100 * q / (1 + q), 50 + 30 * std::tanh(h - 2 * q), 10 + h * h, 5 + q * h};
}

std::vector<FitTarget>
TargetsFrom(const std::vector<double>& values)
{
    std::vector<FitTarget> t;
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        t.push_back({"t" + std::to_string(i), values[i], 1e-6, 1.0, "synthetic"});
    }
    return t;
}

} // namespace

TEST(ParameterFit, RecoversKnownParameters)
{
    const std::vector<double> truth = {0.62, 1.7};
    std::vector<FitParameter> params = {{"q", 0.3, 0.95, 0.5}, {"h", 0.5, 3.0, 1.0}};
    auto targets = TargetsFrom(Toy(truth));
    FitOptions o;
    o.maxEvaluations = 400;
    o.tolerance = 1e-6;
    FitResult r = FitParameters(params, targets, &Toy, o);
    // Stated tolerance: 1e-3 relative on each parameter.
    EXPECT_NEAR(r.best[0], truth[0], 1e-3 * truth[0]);
    EXPECT_NEAR(r.best[1], truth[1], 1e-3 * truth[1]);
    EXPECT_LT(r.loss, 1e-8);
    for (const auto& e : r.history)
    {
        EXPECT_GE(e.parameters[0], 0.3);
        EXPECT_LE(e.parameters[0], 0.95);
        EXPECT_GE(e.parameters[1], 0.5);
        EXPECT_LE(e.parameters[1], 3.0);
    }
    auto sens = ComputeSensitivity(params, targets, &Toy, r.best);
    ASSERT_EQ(sens.size(), 2u);
    EXPECT_GT(sens[0].rise, 0);
    EXPECT_GT(sens[1].rise, 0);
    auto reach = CheckReachability(params, targets, &Toy, r.history, o);
    for (const auto& x : reach)
    {
        EXPECT_TRUE(x.reachable);
    }
}

TEST(ParameterFit, ReportsUnreachableTarget)
{
    std::vector<FitParameter> params = {{"q", 0.3, 0.95, 0.5}, {"h", 0.5, 3.0, 1.0}};
    // Output 0 is 100 q / (1 + q) <= 48.7 within the bounds: 60 is unreachable;
    // output 2 = 10 + h^2 = 14 is reachable (h = 2).
    std::vector<FitTarget> targets = TargetsFrom({60, 70, 14, 6});
    targets[2].uncertainty = 0.01;
    FitOptions o;
    o.maxEvaluations = 200;
    FitResult r = FitParameters(params, targets, &Toy, o);
    auto reach = CheckReachability(params, targets, &Toy, r.history, o);
    ASSERT_EQ(reach.size(), 4u);
    EXPECT_FALSE(reach[0].reachable);
    EXPECT_NEAR(reach[0].closest, 100 * 0.95 / 1.95, 0.05); // at the bound of q
    EXPECT_NEAR(reach[0].parameters[0], 0.95, 0.01);
    EXPECT_TRUE(reach[2].reachable);
}

TEST(ParameterFit, RefusesBadInput)
{
    EXPECT_THROW(RelativeError(1, 0), ConfigError);
    std::vector<FitParameter> bad = {{"q", 1, 0, 0.5}};
    EXPECT_THROW(FitParameters(bad, TargetsFrom({1}), &Toy, FitOptions()), ConfigError);
    std::vector<FitParameter> outside = {{"q", 0, 1, 2}};
    EXPECT_THROW(FitParameters(outside, TargetsFrom({1}), &Toy, FitOptions()), ConfigError);
    std::vector<FitParameter> ok = {{"q", 0.3, 0.95, 0.5}, {"h", 0.5, 3.0, 1.0}};
    // The model returns 4 values for 1 target.
    EXPECT_THROW(FitParameters(ok, TargetsFrom({1}), &Toy, FitOptions()), ConfigError);
}
