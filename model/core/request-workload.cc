/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "request-workload.h"

#include "config-error.h"
#include "csv-table.h"

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <fstream>

namespace ns3
{
namespace llmedge
{

std::vector<LlmRequestSpec>
RequestWorkload::Parse(std::istream& in, const std::string& sourceName)
{
    CsvTable t = CsvTable::Parse(in, sourceName);
    std::size_t cArrival = t.RequireAnyColumn({"arrival_s"});
    std::size_t cIn = t.RequireAnyColumn({"input_tokens"});
    std::size_t cOut = t.RequireAnyColumn({"output_tokens"});
    std::vector<LlmRequestSpec> requests;
    auto tokens = [&](const CsvTable::Row& row, std::size_t c) {
        double v = t.GetDouble(row, c);
        if (!(v >= 1 && v <= kMaxTokensPerRequest && v == std::floor(v)))
        {
            throw ConfigError(t.Where(row, c) + ": column '" + t.GetHeader().at(c) + "' = '" +
                              t.GetString(row, c) + "' must be a whole number in [1, " +
                              std::to_string(kMaxTokensPerRequest) + "]");
        }
        return static_cast<std::uint32_t>(v);
    };
    for (const auto& row : t.GetRows())
    {
        LlmRequestSpec r;
        r.arrivalS = t.GetDouble(row, cArrival);
        if (!(r.arrivalS >= 0 && r.arrivalS <= kMaxTimeS))
        {
            throw ConfigError(t.Where(row, cArrival) +
                              ": column 'arrival_s' = " + FormatValue(r.arrivalS) +
                              " must lie in [0, " + FormatValue(kMaxTimeS) + "] s");
        }
        if (!requests.empty() && r.arrivalS < requests.back().arrivalS)
        {
            throw ConfigError(
                t.Where(row, cArrival) + ": column 'arrival_s' = " + FormatValue(r.arrivalS) +
                " is before the previous arrival " + FormatValue(requests.back().arrivalS) +
                " s (arrivals must not decrease)");
        }
        r.inputTokens = tokens(row, cIn);
        r.outputTokens = tokens(row, cOut);
        requests.push_back(r);
    }
    if (requests.empty())
    {
        throw ConfigError(sourceName + ": the request trace has no requests (no data rows after "
                                       "the header)");
    }
    return requests;
}

std::vector<LlmRequestSpec>
RequestWorkload::LoadCsv(const std::string& path)
{
    std::ifstream in = OpenInputFile(path);
    return Parse(in, path);
}

TokenCountDistribution
TokenCountDistribution::Fixed(std::uint32_t n)
{
    return TokenCountDistribution{Kind::Fixed, static_cast<double>(n), 0, 1, kMaxTokensPerRequest};
}

TokenCountDistribution
TokenCountDistribution::Uniform(std::uint32_t low, std::uint32_t high)
{
    return TokenCountDistribution{Kind::Uniform,
                                  static_cast<double>(low),
                                  static_cast<double>(high),
                                  1,
                                  kMaxTokensPerRequest};
}

TokenCountDistribution
TokenCountDistribution::LogNormal(double mu,
                                  double sigma,
                                  std::uint32_t minTokens,
                                  std::uint32_t maxTokens)
{
    return TokenCountDistribution{Kind::LogNormal, mu, sigma, minTokens, maxTokens};
}

void
TokenCountDistribution::Validate(const std::string& what) const
{
    const std::string range = "[1, " + std::to_string(kMaxTokensPerRequest) + "]";
    if (!(minTokens >= 1 && maxTokens >= minTokens && maxTokens <= kMaxTokensPerRequest))
    {
        ThrowConfigError(what + " clamp [min, max]",
                         "[" + std::to_string(minTokens) + ", " + std::to_string(maxTokens) + "]",
                         "needs 1 <= min <= max <= " + std::to_string(kMaxTokensPerRequest));
    }
    auto whole = [&](double v, const std::string& name) {
        if (!(v >= 1 && v <= kMaxTokensPerRequest && v == std::floor(v)))
        {
            ThrowConfigError(what + " " + name,
                             FormatValue(v),
                             "must be a whole number in " + range);
        }
    };
    switch (kind)
    {
    case Kind::Fixed:
        whole(a, "value");
        break;
    case Kind::Uniform:
        whole(a, "low");
        whole(b, "high");
        if (b < a)
        {
            ThrowConfigError(what + " high", FormatValue(b), "must be >= low = " + FormatValue(a));
        }
        break;
    case Kind::LogNormal:
        // exp(mu) must be a count we can represent: mu in [0, ln(kMaxTokensPerRequest)].
        if (!(a >= 0 && a <= std::log(static_cast<double>(kMaxTokensPerRequest))))
        {
            ThrowConfigError(what + " mu", FormatValue(a), "must lie in [0, ln(2^20) = 13.86]");
        }
        if (!(b > 0 && b <= 5))
        {
            ThrowConfigError(what + " sigma", FormatValue(b), "must lie in (0, 5]");
        }
        break;
    }
}

std::uint32_t
TokenCountDistribution::Quantile(double u) const
{
    if (!(u > 0 && u < 1))
    {
        ThrowConfigError("token-count quantile probability", FormatValue(u), "must lie in (0, 1)");
    }
    double n = a;
    if (kind == Kind::Uniform)
    {
        n = std::min(std::floor(a + u * (b - a + 1)), b);
    }
    else if (kind == Kind::LogNormal)
    {
        double z = std::sqrt(2.0) * boost::math::erf_inv(2.0 * u - 1.0);
        n = std::round(std::exp(a + b * z));
    }
    n = std::round(n);
    n = std::max(n, static_cast<double>(minTokens));
    n = std::min(n, static_cast<double>(maxTokens));
    return static_cast<std::uint32_t>(n);
}

void
RequestWorkloadModel::Validate() const
{
    if (!(arrivalRatePerS > 0 && arrivalRatePerS <= 1e6))
    {
        ThrowConfigError("arrival rate", FormatValue(arrivalRatePerS), "must lie in (0, 1e6] /s");
    }
    input.Validate("input tokens");
    output.Validate("output tokens");
}

} // namespace llmedge
} // namespace ns3
