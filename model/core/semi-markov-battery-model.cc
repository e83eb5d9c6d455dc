/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "semi-markov-battery-model.h"

#include "config-error.h"
#include "stationary-solver.h"

#include <unsupported/Eigen/FFT>

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <map>
#include <numeric>
#include <utility>

namespace ns3
{
namespace llmedge
{

namespace
{

constexpr std::size_t kClasses = 4;
// Kernels longer than this are convolved by FFT, shorter ones directly.
constexpr std::size_t kDirectConvolutionMax = 96;
// Chains with more nonzeros than this use aggregation-disaggregation.
constexpr double kDirectNonzerosMax = 3e6;
constexpr double kAggregationTolerance = 1e-12;
constexpr unsigned kAggregationMaxIterations = 2000;

/// Full linear convolution a * b, by FFT when both are long.
std::vector<double>
Convolve(const std::vector<double>& a, const std::vector<double>& b)
{
    std::size_t n = a.size() + b.size() - 1;
    std::vector<double> out(n, 0.0);
    if (std::min(a.size(), b.size()) <= kDirectConvolutionMax)
    {
        const auto& longer = a.size() >= b.size() ? a : b;
        const auto& shorter = a.size() >= b.size() ? b : a;
        for (std::size_t j = 0; j < shorter.size(); ++j)
        {
            double w = shorter[j];
            if (w == 0)
            {
                continue;
            }
            double* o = out.data() + j;
            for (std::size_t i = 0; i < longer.size(); ++i)
            {
                o[i] += w * longer[i];
            }
        }
        return out;
    }
    std::size_t m = 1;
    while (m < n)
    {
        m <<= 1;
    }
    Eigen::FFT<double> fft;
    fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
    std::vector<double> pa(a);
    std::vector<double> pb(b);
    pa.resize(m, 0.0);
    pb.resize(m, 0.0);
    std::vector<std::complex<double>> fa;
    std::vector<std::complex<double>> fb;
    fft.fwd(fa, pa);
    fft.fwd(fb, pb);
    for (std::size_t i = 0; i < fa.size(); ++i)
    {
        fa[i] *= fb[i];
    }
    std::vector<double> r;
    fft.inv(r, fa);
    for (std::size_t i = 0; i < n; ++i)
    {
        out[i] = r[i] > 0 ? r[i] : 0.0; // FFT round-off can dip below zero
    }
    return out;
}

} // namespace

/// Convolutions with the model's kernels: FFT plans (twiddles) and kernel
/// spectra are computed once per transform size and reused by every step.
struct SemiMarkovBatteryModel::Convolver
{
    Eigen::FFT<double> fft;
    std::map<std::pair<unsigned, std::size_t>, std::vector<std::complex<double>>> spectra;

    Convolver()
    {
        fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
    }

    std::vector<double> Apply(const std::vector<double>& src,
                              unsigned k,
                              const std::vector<double>& kernel)
    {
        if (std::min(src.size(), kernel.size()) <= kDirectConvolutionMax)
        {
            return Convolve(src, kernel);
        }
        std::size_t n = src.size() + kernel.size() - 1;
        std::size_t m = 1;
        while (m < n)
        {
            m <<= 1;
        }
        auto& spec = spectra[{k, m}];
        if (spec.empty())
        {
            std::vector<double> padded(kernel);
            padded.resize(m, 0.0);
            fft.fwd(spec, padded);
        }
        std::vector<double> padded(src);
        padded.resize(m, 0.0);
        std::vector<std::complex<double>> f;
        fft.fwd(f, padded);
        for (std::size_t i = 0; i < f.size(); ++i)
        {
            f[i] *= spec[i];
        }
        std::vector<double> r;
        fft.inv(r, f);
        r.resize(n);
        for (double& v : r)
        {
            v = v > 0 ? v : 0.0; // FFT round-off can dip below zero
        }
        return r;
    }
};

SemiMarkovBatteryModel::SemiMarkovBatteryModel(const DeviceSpec& spec,
                                               const HarvestPmf& harvest,
                                               double riskThresholdFraction)
    : m_spec(spec),
      m_harvest(harvest),
      m_convolver(std::make_shared<Convolver>())
{
    m_spec.Validate();
    double u = harvest.GetUnitJ();
    double n = spec.capacityJ / u;
    if (!(n + 1 <= kMaxChainLevels))
    {
        ThrowConfigError("CapacityJ / energy unit",
                         FormatValue(spec.capacityJ) + " J / " + FormatValue(u) + " J",
                         "the chain would have " + FormatValue(n + 1) +
                             " energy levels, above the limit " + FormatValue(kMaxChainLevels) +
                             " (use a larger energy unit)");
    }
    if (std::abs(n - std::round(n)) > 1e-9 * std::max(1.0, n) || std::round(n) < 1)
    {
        ThrowConfigError("energy unit", FormatValue(u) + " J",
                         "CapacityJ = " + FormatValue(spec.capacityJ) +
                             " J must be a whole multiple (>= 1) of it");
    }
    m_n = static_cast<std::size_t>(std::llround(n));
    double eth = riskThresholdFraction < 0 ? spec.lowFraction : riskThresholdFraction;
    if (!(eth >= 0 && eth <= 1))
    {
        ThrowConfigError("risk threshold Eth", FormatValue(eth), "must lie in [0, 1] of the capacity");
    }
    // Level e is below a threshold X (J) iff e u < X; tolerate rounding of e u.
    auto levelsBelow = [&](double xJ) {
        double l = std::ceil(xJ / u - 1e-9);
        return static_cast<std::size_t>(std::clamp(l, 0.0, static_cast<double>(m_n + 1)));
    };
    m_lowLevels = levelsBelow(spec.GetLowJ());
    m_highLevel = levelsBelow(spec.GetHighJ());
    m_riskLevels = levelsBelow(eth * spec.capacityJ);

    auto units = [&](double joules) {
        double v = joules / u;
        if (!(v <= kMaxEnergyJ))
        {
            ThrowConfigError("mode energy / energy unit",
                             FormatValue(joules) + " J / " + FormatValue(u) + " J",
                             "must be at most " + FormatValue(kMaxEnergyJ) + " units");
        }
        double r = std::round(v);
        return static_cast<long long>(r);
    };
    m_k.resize(m_n + 1);
    m_jobCost.resize(m_n + 1);
    m_idleCost.resize(m_n + 1);
    m_savingCost.resize(m_n + 1);
    unsigned maxK = 1;
    for (std::size_t e = 0; e <= m_n; ++e)
    {
        const PowerMode& mode = spec.modes.Get(spec.policy.Select(e * u / spec.capacityJ));
        m_k[e] = mode.GetSlotsPerJob(spec.slotS);
        m_jobCost[e] = units(mode.energyPerJobJ);
        m_idleCost[e] = units(mode.idlePowerW * spec.slotS);
        m_savingCost[e] = units(mode.savingPowerW * spec.slotS);
        maxK = std::max(maxK, m_k[e]);
    }
    double pmfLevels = static_cast<double>(harvest.GetProbabilities().size());
    double kernelEntries = maxK * (maxK + 1) / 2.0 * (pmfLevels - 1) + maxK;
    if (kernelEntries > kMaxKernelEntries)
    {
        ThrowConfigError("slots per job x harvest levels",
                         FormatValue(maxK) + " x " + FormatValue(pmfLevels),
                         "the convolved harvest kernels would need " + FormatValue(kernelEntries) +
                             " entries, above the limit " + FormatValue(kMaxKernelEntries) +
                             " (use a larger energy unit or slot)");
    }
    m_kernels.resize(maxK + 1);
    m_kernels[1] = harvest.GetProbabilities();
    for (unsigned k = 2; k <= maxK; ++k)
    {
        m_kernels[k] = Convolve(m_kernels[k - 1], m_kernels[1]);
    }
}

std::size_t
SemiMarkovBatteryModel::GetLevels() const
{
    return m_n + 1;
}

double
SemiMarkovBatteryModel::GetUnitJ() const
{
    return m_harvest.GetUnitJ();
}

void
SemiMarkovBatteryModel::SetSolver(const std::string& method)
{
    if (method != "auto" && method != "direct" && method != "aggregation")
    {
        ThrowConfigError("solver", "'" + method + "'", "expected auto, direct or aggregation");
    }
    m_solver = method;
}

unsigned
SemiMarkovBatteryModel::GetLastIterations() const
{
    return m_iterations;
}

std::size_t
SemiMarkovBatteryModel::Clamp(long long e) const
{
    if (e <= 0)
    {
        return 0;
    }
    return static_cast<std::size_t>(std::min<long long>(e, static_cast<long long>(m_n)));
}

namespace
{

/// Destination classes of a landing level: (class if Q' = 0, class if Q' = 1).
inline std::pair<std::size_t, std::size_t>
Destinations(bool active)
{
    return active ? std::make_pair<std::size_t, std::size_t>(SemiMarkovBatteryModel::IDLE,
                                                             SemiMarkovBatteryModel::PROCESSING)
                  : std::make_pair<std::size_t, std::size_t>(SemiMarkovBatteryModel::SAVING_EMPTY,
                                                             SemiMarkovBatteryModel::SAVING_HELD);
}

} // namespace

std::vector<double>
SemiMarkovBatteryModel::Step(const std::vector<double>& pi, double q) const
{
    const std::size_t levels = m_n + 1;
    std::vector<double> out(kClasses * levels, 0.0);
    long long maxCost = 0;
    for (std::size_t e = 0; e <= m_n; ++e)
    {
        maxCost = std::max({maxCost, m_jobCost[e], m_idleCost[e], m_savingCost[e]});
    }
    // Group states by (class, kernel): shift their mass, convolve once.
    auto run = [&](std::size_t cls, unsigned k, auto costOf, bool fromActive, double pArrive) {
        std::vector<double> src(levels + static_cast<std::size_t>(maxCost), 0.0);
        bool any = false;
        for (std::size_t e = 0; e <= m_n; ++e)
        {
            double m = pi[cls * levels + e];
            if (m != 0 && (cls != PROCESSING || m_k[e] == k))
            {
                src[static_cast<std::size_t>(static_cast<long long>(e) - costOf(e) + maxCost)] += m;
                any = true;
            }
        }
        if (!any)
        {
            return;
        }
        // Convolve only the occupied stretch: a class or a mode often covers
        // a fraction of the levels (power saving lives below Ehigh, each
        // dynamic mode in its band), which shrinks the transforms.
        std::size_t first = 0;
        while (src[first] == 0)
        {
            ++first;
        }
        std::size_t last = src.size() - 1;
        while (src[last] == 0)
        {
            --last;
        }
        std::vector<double> part(src.begin() + static_cast<std::ptrdiff_t>(first),
                                 src.begin() + static_cast<std::ptrdiff_t>(last) + 1);
        std::vector<double> landed = m_convolver->Apply(part, k, m_kernels[k]);
        for (std::size_t i = 0; i < landed.size(); ++i)
        {
            double m = landed[i];
            if (m == 0)
            {
                continue;
            }
            std::size_t e2 = Clamp(static_cast<long long>(i + first) - maxCost);
            bool active = fromActive ? e2 >= m_lowLevels : e2 >= m_highLevel;
            auto dest = Destinations(active);
            out[dest.first * levels + e2] += m * (1 - pArrive);
            out[dest.second * levels + e2] += m * pArrive;
        }
    };
    auto idleCost = [this](std::size_t e) { return m_idleCost[e]; };
    auto savingCost = [this](std::size_t e) { return m_savingCost[e]; };
    auto jobCost = [this](std::size_t e) { return m_jobCost[e]; };
    run(IDLE, 1, idleCost, true, q);
    run(SAVING_EMPTY, 1, savingCost, false, 0.0);
    run(SAVING_HELD, 1, savingCost, false, 1.0);
    for (unsigned k = 1; k < m_kernels.size(); ++k)
    {
        if (std::find(m_k.begin(), m_k.end(), k) != m_k.end())
        {
            run(PROCESSING, k, jobCost, true, 1 - std::pow(1 - q, k));
        }
    }
    return out;
}

SemiMarkovBatteryModel::Row
SemiMarkovBatteryModel::RowOf(std::size_t cls, std::size_t e, double q) const
{
    Row r;
    r.k = cls == PROCESSING ? m_k[e] : 1;
    r.cost = cls == PROCESSING ? m_jobCost[e] : cls == IDLE ? m_idleCost[e] : m_savingCost[e];
    r.fromActive = (cls == IDLE || cls == PROCESSING);
    r.pArrive = cls == IDLE         ? q
                : cls == PROCESSING ? 1 - std::pow(1 - q, r.k)
                : cls == SAVING_HELD ? 1.0
                                     : 0.0;
    return r;
}

std::vector<double>
SemiMarkovBatteryModel::SolveDirect(double q) const
{
    const std::size_t levels = m_n + 1;
    std::vector<Transition> t;
    for (std::size_t cls = 0; cls < kClasses; ++cls)
    {
        for (std::size_t e = 0; e <= m_n; ++e)
        {
            std::size_t from = cls * levels + e;
            Row row = RowOf(cls, e, q);
            unsigned k = row.k;
            long long cost = row.cost;
            bool fromActive = row.fromActive;
            double pArrive = row.pArrive;
            const auto& kernel = m_kernels[k];
            // Aggregate kernel mass by landing level (clamping merges tails).
            std::map<std::size_t, double> landing;
            for (std::size_t h = 0; h < kernel.size(); ++h)
            {
                if (kernel[h] > 0)
                {
                    landing[Clamp(static_cast<long long>(e + h) - cost)] += kernel[h];
                }
            }
            for (const auto& [e2, p] : landing)
            {
                bool active = fromActive ? e2 >= m_lowLevels : e2 >= m_highLevel;
                auto dest = Destinations(active);
                if (pArrive < 1 && p * (1 - pArrive) > 0)
                {
                    t.push_back({from, dest.first * levels + e2, p * (1 - pArrive)});
                }
                if (pArrive > 0 && p * pArrive > 0)
                {
                    t.push_back({from, dest.second * levels + e2, p * pArrive});
                }
            }
        }
    }
    // Groups of about 100 levels per class for the choice of a probable pin.
    std::vector<std::size_t> groups(kClasses * levels);
    std::size_t width = std::max<std::size_t>(1, (levels + 99) / 100);
    for (std::size_t i = 0; i < groups.size(); ++i)
    {
        groups[i] = (i / levels) * 1000 + (i % levels) / width;
    }
    return SolveStationary(kClasses * levels, t, groups);
}

namespace
{

/// Rows of the coarse chain. The entries of one source block are summed in a
/// scratch row and emitted once, so the list stays as small as the coarse
/// chain.
class CoarseRows
{
  public:
    explicit CoarseRows(std::size_t states)
        : m_row(states, 0.0)
    {
    }

    /// Add p to the entry towards state to of the current source block.
    void Add(std::size_t to, double p)
    {
        if (p <= 0)
        {
            return;
        }
        if (m_row[to] == 0.0)
        {
            m_touched.push_back(to);
        }
        m_row[to] += p;
    }

    /// Emit the current source block's row as transitions from state from.
    void Flush(std::size_t from)
    {
        for (std::size_t to : m_touched)
        {
            if (m_row[to] > 0)
            {
                m_t.push_back({from, to, m_row[to]});
            }
            m_row[to] = 0.0;
        }
        m_touched.clear();
    }

    /// \return the transitions emitted so far
    std::vector<Transition> Take()
    {
        return std::move(m_t);
    }

  private:
    std::vector<Transition> m_t;         ///< emitted transitions
    std::vector<double> m_row;           ///< scratch row of the current source block
    std::vector<std::size_t> m_touched;  ///< nonzero entries of the scratch row
};

} // namespace

/// Coarse blocks of levels and cumulative kernels of one aggregation solve,
/// with the mass of the current iterate in each (class, block).
struct SemiMarkovBatteryModel::Aggregation
{
    std::size_t n{0};                     ///< N, the top level
    std::size_t levels{0};                ///< N + 1
    std::vector<std::size_t> starts;      ///< first level of each block, increasing
    std::vector<std::size_t> blockOf;     ///< block of each level
    std::size_t nb{0};                    ///< number of blocks
    std::vector<std::vector<double>> cdf; ///< cumulative kernels, index k
    std::vector<double> blockMass;        ///< iterate mass per (class, block)
    std::vector<double> blockCount;       ///< levels per (class, block)

    /// \return the last level of block j
    std::size_t BlockEnd(std::size_t j) const
    {
        return j + 1 < nb ? starts[j + 1] - 1 : n;
    }

    /// \return the mass of kernel k at or below h
    double CdfAt(unsigned k, long long h) const
    {
        if (h < 0)
        {
            return 0.0;
        }
        const auto& c = cdf[k];
        return h >= static_cast<long long>(c.size()) ? 1.0 : c[static_cast<std::size_t>(h)];
    }

    /// Block totals of the iterate x.
    void Total(const std::vector<double>& x)
    {
        blockMass.assign(kClasses * nb, 0.0);
        blockCount.assign(kClasses * nb, 0.0);
        for (std::size_t cls = 0; cls < kClasses; ++cls)
        {
            for (std::size_t e = 0; e <= n; ++e)
            {
                blockMass[cls * nb + blockOf[e]] += x[cls * levels + e];
                blockCount[cls * nb + blockOf[e]] += 1;
            }
        }
    }

    /// \return the share of (cls, e) in its block's mass under x (uniform
    /// within an empty block)
    double Weight(const std::vector<double>& x, std::size_t cls, std::size_t e) const
    {
        double m = blockMass[cls * nb + blockOf[e]];
        return m > 0 ? x[cls * levels + e] / m : 1.0 / blockCount[cls * nb + blockOf[e]];
    }
};

SemiMarkovBatteryModel::Aggregation
SemiMarkovBatteryModel::MakeAggregation() const
{
    Aggregation a;
    a.n = m_n;
    a.levels = m_n + 1;
    const std::size_t levels = a.levels;
    // Coarse blocks of levels, never straddling Elow or Ehigh so that the
    // hysteresis is constant within a block.
    std::size_t b = std::max<std::size_t>(1, (levels + 1023) / 1024);
    std::vector<std::size_t>& starts = a.starts;
    for (std::size_t e = 0; e <= m_n; e += b)
    {
        starts.push_back(e);
    }
    for (std::size_t cut : {m_lowLevels, m_highLevel})
    {
        if (cut > 0 && cut <= m_n)
        {
            starts.push_back(cut);
        }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    a.nb = starts.size();
    const std::size_t nb = a.nb;
    a.blockOf.resize(levels);
    for (std::size_t j = 0; j < nb; ++j)
    {
        std::size_t end = j + 1 < nb ? starts[j + 1] : levels;
        for (std::size_t e = starts[j]; e < end; ++e)
        {
            a.blockOf[e] = j;
        }
    }
    // Cumulative kernels for block masses.
    a.cdf.resize(m_kernels.size());
    for (std::size_t k = 1; k < m_kernels.size(); ++k)
    {
        if (!m_kernels[k].empty())
        {
            a.cdf[k].resize(m_kernels[k].size());
            std::partial_sum(m_kernels[k].begin(), m_kernels[k].end(), a.cdf[k].begin());
        }
    }
    return a;
}

std::vector<Transition>
SemiMarkovBatteryModel::CoarseChain(const Aggregation& a,
                                    const std::vector<double>& x,
                                    double q) const
{
    const std::size_t nb = a.nb;
    const std::vector<std::size_t>& blockOf = a.blockOf;
    CoarseRows rows(kClasses * nb);
    for (std::size_t cls = 0; cls < kClasses; ++cls)
    {
        bool fromActive = (cls == IDLE || cls == PROCESSING);
        for (std::size_t e = 0; e <= m_n; ++e)
        {
            std::size_t from = cls * nb + blockOf[e];
            double w = a.Weight(x, cls, e);
            if (w > 0)
            {
                Row row = RowOf(cls, e, q);
                unsigned k = row.k;
                long long cost = row.cost;
                double pArrive = row.pArrive;
                long long base = static_cast<long long>(e) - cost; // landing = base + h
                long long top = base + static_cast<long long>(m_kernels[k].size()) - 1;
                std::size_t j0 = blockOf[Clamp(base)];
                std::size_t j1 = blockOf[Clamp(top)];
                for (std::size_t j = j0; j <= j1; ++j)
                {
                    long long lo = j == 0 ? std::numeric_limits<long long>::min() / 4
                                          : static_cast<long long>(a.starts[j]);
                    long long hi = j + 1 == nb ? std::numeric_limits<long long>::max() / 4
                                               : static_cast<long long>(a.BlockEnd(j));
                    double p = w * (a.CdfAt(k, hi - base) - a.CdfAt(k, lo - 1 - base));
                    bool active =
                        fromActive ? a.starts[j] >= m_lowLevels : a.starts[j] >= m_highLevel;
                    auto dest = Destinations(active);
                    rows.Add(dest.first * nb + j, p * (1 - pArrive));
                    rows.Add(dest.second * nb + j, p * pArrive);
                }
            }
            if (e == m_n || blockOf[e + 1] != blockOf[e])
            {
                rows.Flush(from);
            }
        }
    }
    return rows.Take();
}

std::vector<double>
SemiMarkovBatteryModel::SolveAggregation(double q) const
{
    const std::size_t levels = m_n + 1;
    const std::size_t states = kClasses * levels;
    Aggregation a = MakeAggregation();
    const std::size_t nb = a.nb;

    std::vector<double> x(states, 1.0 / states);
    const std::size_t coarseStates = kClasses * nb;
    m_iterations = 0;
    std::size_t coarsePin = 0;
    for (unsigned it = 1; it <= kAggregationMaxIterations; ++it)
    {
        // Block totals and within-block weights, then the coarse chain over
        // (class, block).
        a.Total(x);
        std::vector<Transition> t = CoarseChain(a, x, q);
        // The first coarse solve checks reducibility and finds a probable pin;
        // later ones reuse the previous solution's most probable state.
        std::vector<std::size_t> groups(coarseStates);
        std::size_t width = std::max<std::size_t>(1, (nb + 99) / 100);
        for (std::size_t i = 0; i < coarseStates; ++i)
        {
            groups[i] = (i / nb) * 1000 + (i % nb) / width;
        }
        std::vector<double> xi = it == 1 ? SolveStationary(coarseStates, t, groups)
                                         : SolveStationaryPinned(coarseStates, t, coarsePin);
        coarsePin = static_cast<std::size_t>(std::max_element(xi.begin(), xi.end()) - xi.begin());
        // Disaggregate, then smooth with one step of the fine chain.
        std::vector<double> z(states);
        for (std::size_t cls = 0; cls < kClasses; ++cls)
        {
            for (std::size_t e = 0; e <= m_n; ++e)
            {
                z[cls * levels + e] = xi[cls * nb + a.blockOf[e]] * a.Weight(x, cls, e);
            }
        }
        std::vector<double> next = Step(z, q);
        double sum = std::accumulate(next.begin(), next.end(), 0.0);
        double diff = 0;
        for (std::size_t i = 0; i < states; ++i)
        {
            next[i] /= sum;
            diff += std::abs(next[i] - z[i]);
        }
        x.swap(next);
        m_iterations = it;
        if (diff < kAggregationTolerance)
        {
            return x;
        }
    }
    throw DegenerateChainError("the aggregation solver did not converge in " +
                               std::to_string(kAggregationMaxIterations) +
                               " iterations (nearly reducible chain?)");
}

std::vector<double>
SemiMarkovBatteryModel::StationaryDistribution(double q) const
{
    if (!(q >= 0 && q <= 1))
    {
        ThrowConfigError("job probability q", FormatValue(q), "must lie in [0, 1]");
    }
    double nonzeros = 0;
    for (std::size_t e = 0; e <= m_n; ++e)
    {
        nonzeros += 2.0 * (3 * m_kernels[1].size() + m_kernels[m_k[e]].size());
    }
    bool direct = m_solver == "direct" || (m_solver == "auto" && nonzeros <= kDirectNonzerosMax);
    m_iterations = 0;
    std::vector<double> pi;
    try
    {
        pi = direct ? SolveDirect(q) : SolveAggregation(q);
    }
    catch (const DegenerateChainError& e)
    {
        // The generic solver counts closed classes; what they mean here:
        throw DegenerateChainError(
            std::string("battery chain: ") + e.what() +
            " (e.g. the battery empties in power saving and the harvest never lifts it to "
            "Ehigh, with and without a held job; or nothing is harvested nor consumed, so "
            "every level is absorbing)");
    }
    double sum = 0;
    double worstNegative = 0;
    for (double& p : pi)
    {
        if (!std::isfinite(p))
        {
            throw DegenerateChainError("the stationary solve produced a non-finite probability "
                                       "(singular chain)");
        }
        worstNegative = std::min(worstNegative, p);
        p = std::max(p, 0.0);
        sum += p;
    }
    if (worstNegative < -1e-9 || !(sum > 0))
    {
        throw DegenerateChainError("the battery chain has no proper stationary distribution "
                                   "(reducible; most negative entry " +
                                   FormatValue(worstNegative) + ")");
    }
    for (double& p : pi)
    {
        p /= sum;
    }
    return pi;
}

ChainMetrics
SemiMarkovBatteryModel::Metrics(const std::vector<double>& pi, double q) const
{
    const std::size_t levels = m_n + 1;
    double u = m_harvest.GetUnitJ();
    double time = 0;
    double energy = 0;
    double risk = 0;
    double processing = 0;
    double processingTime = 0;
    double saving = 0;
    double total = 0;
    for (std::size_t cls = 0; cls < kClasses; ++cls)
    {
        for (std::size_t e = 0; e <= m_n; ++e)
        {
            double p = pi[cls * levels + e];
            total += p;
            double tau = cls == PROCESSING ? m_k[e] : 1.0;
            time += p * tau;
            energy += p * tau * e * u;
            if (e < m_riskLevels)
            {
                risk += p * tau;
            }
            if (cls == PROCESSING)
            {
                processing += p;
                processingTime += p * tau;
            }
            if (cls == SAVING_EMPTY || cls == SAVING_HELD)
            {
                saving += p;
            }
        }
    }
    ChainMetrics m;
    m.q = q;
    m.totalProbability = total;
    m.meanEnergyJ = energy / time;
    m.risk = risk / time;
    m.throughput = processing / time;
    m.savingShare = saving / time;
    m.kbar = processing > 0 ? processingTime / processing : 0.0;
    if (m.savingShare > 1 - 1e-12)
    {
        throw DegenerateChainError("all stationary mass is in power saving: with this harvest the "
                                   "battery never reaches Ehigh = " +
                                   FormatValue(m_spec.GetHighJ()) + " J");
    }
    return m;
}

ChainMetrics
SemiMarkovBatteryModel::Solve(double q) const
{
    return Metrics(StationaryDistribution(q), q);
}

} // namespace llmedge
} // namespace ns3
