/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "semi-markov-scheduler.h"

#include "ns3/config-error.h"
#include "llm-block-application.h"
#include "ns3/rate-limit-cache.h"
#include "slot-energy-harvester.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <cmath>


namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SemiMarkovScheduler");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(SemiMarkovScheduler);

TypeId
SemiMarkovScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::SemiMarkovScheduler")
            .SetParent<InferencePolicy>()
            .SetGroupName("LlmEdge")
            .AddConstructor<SemiMarkovScheduler>()
            .AddAttribute("Policy",
                          "\"uniform\", \"long-term\" (Eq. 6) or \"adaptive\" (Algorithm 1).",
                          StringValue("long-term"),
                          MakeStringAccessor(&SemiMarkovScheduler::m_policy),
                          MakeStringChecker())
            .AddAttribute("RiskLimit",
                          "xi_lim of Eq. 5, in (0, 1). Paper: 0.01.",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&SemiMarkovScheduler::m_riskLimit),
                          MakeDoubleChecker<double>())
            .AddAttribute("EnergyUnitJ",
                          "Energy unit u of the devices' chains, J (their capacity must be a "
                          "multiple).",
                          DoubleValue(100.0),
                          MakeDoubleAccessor(&SemiMarkovScheduler::m_unitJ),
                          MakeDoubleChecker<double>())
            .AddAttribute("RiskThresholdFraction",
                          "Eth / capacity of the risk (Eq. 3); negative: each device's Elow.",
                          DoubleValue(-1.0),
                          MakeDoubleAccessor(&SemiMarkovScheduler::m_ethFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("Alpha",
                          "alpha of Algorithm 1 (z = alpha / N_l); negative: the number of the "
                          "layer's devices in the critical mode.",
                          DoubleValue(-1.0),
                          MakeDoubleAccessor(&SemiMarkovScheduler::m_alpha),
                          MakeDoubleChecker<double>())
            .AddAttribute("IndexedDrawThreshold",
                          "Layers of at least this many devices whose state the router knows "
                          "now (no beacons) are drawn through an index kept up to date by the "
                          "devices' traces: O(log N) per decision instead of O(N), the same "
                          "distribution, another device for a given random number. 0: never.",
                          UintegerValue(256),
                          MakeUintegerAccessor(&SemiMarkovScheduler::m_indexThreshold),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

SemiMarkovScheduler::SemiMarkovScheduler()
    : m_policy("long-term"),
      m_riskLimit(0.01),
      m_unitJ(100.0),
      m_ethFraction(-1.0),
      m_alpha(-1.0),
      m_rng(CreateObject<UniformRandomVariable>()),
      m_indexThreshold(256)
{
    NS_LOG_FUNCTION(this);
}

SemiMarkovScheduler::~SemiMarkovScheduler() = default;

void
SemiMarkovScheduler::DoDispose()
{
    m_layers.clear();
    m_candidates.clear();
    m_indexes.clear();
    m_pmfs.clear();
    m_limits.clear();
    InferencePolicy::DoDispose();
}

void
SemiMarkovScheduler::DoInitialize()
{
    CheckPolicy(); // the pipeline initializes its policy when it is set
    InferencePolicy::DoInitialize();
}

void
SemiMarkovScheduler::CheckPolicy() const
{
    if (m_policy != "uniform" && m_policy != "long-term" && m_policy != "adaptive")
    {
        LLM_EDGE_CONFIG_ERROR("SemiMarkovScheduler: invalid Policy = '"
                              << m_policy << "': expected uniform, long-term or adaptive");
    }
}

uint32_t
SemiMarkovScheduler::AddLayer(const std::vector<Ptr<EnergyHarvestingOrinDevice>>& devices)
{
    CheckPolicy();
    NS_ABORT_MSG_IF(devices.empty(), "SemiMarkovScheduler: a layer needs at least one device");
    for (const auto& d : devices)
    {
        NS_ABORT_MSG_IF(!d, "SemiMarkovScheduler: null device in layer " << m_layers.size());
    }
    m_layers.push_back(devices);
    return static_cast<uint32_t>(m_layers.size() - 1);
}

uint32_t
SemiMarkovScheduler::GetNLayers() const
{
    return static_cast<uint32_t>(m_layers.size());
}

const std::vector<Ptr<EnergyHarvestingOrinDevice>>&
SemiMarkovScheduler::GetLayer(uint32_t layer) const
{
    NS_ABORT_MSG_IF(layer >= m_layers.size(), "SemiMarkovScheduler: no layer " << layer);
    return m_layers[layer];
}

const std::string&
SemiMarkovScheduler::GetPolicy() const
{
    return m_policy;
}

int64_t
SemiMarkovScheduler::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

void
SemiMarkovScheduler::SetHarvestPmf(Ptr<EnergyHarvestingOrinDevice> device, const HarvestPmf& pmf)
{
    m_pmfs[PeekPointer(device)] = pmf;
    m_limits.erase(PeekPointer(device));
}

HarvestPmf
SemiMarkovScheduler::PmfOf(Ptr<EnergyHarvestingOrinDevice> device) const
{
    auto it = m_pmfs.find(PeekPointer(device));
    if (it != m_pmfs.end())
    {
        return it->second;
    }
    Ptr<SlotEnergyHarvester> h = device->GetHarvester();
    HarvestPmf f;
    double mean = 0;
    if (h && h->GetSlotPmf(m_unitJ, f, mean))
    {
        // A harvest small against the unit would be quantized away (a few J
        // per slot on 100 J levels is no harvest at all): refine the unit by
        // tens, keeping it a divisor of the capacity, until the pmf keeps the
        // mean within 10 %.
        double capacity = device->GetSpec().capacityJ;
        double unit = m_unitJ;
        while (std::abs(f.GetMeanJ() - mean) > 0.1 * mean && unit / 10 >= 1e-9)
        {
            double finer = unit / 10;
            double n = capacity / finer;
            if (std::abs(n - std::round(n)) > 1e-9 * n || n > 2e5)
            {
                break;
            }
            unit = finer;
            h->GetSlotPmf(unit, f, mean);
        }
        return f;
    }
    LLM_EDGE_CONFIG_ERROR("SemiMarkovScheduler: cannot derive the harvest pmf of the device on node "
                   << (device->GetNode() ? static_cast<int>(device->GetNode()->GetId()) : -1)
                   << " (its harvester is not a RandomSlotHarvester drawing from a uniform or "
                      "constant variable): call SetHarvestPmf");
}

const RateLimit&
SemiMarkovScheduler::GetRateLimit(Ptr<EnergyHarvestingOrinDevice> device)
{
    auto it = m_limits.find(PeekPointer(device));
    if (it != m_limits.end())
    {
        return it->second;
    }
    try
    {
        const RateLimit& l = RateLimitCache::Global().Get(device->GetSpec(),
                                                           PmfOf(device),
                                                           m_riskLimit,
                                                           m_ethFraction);
        return m_limits.emplace(PeekPointer(device), l).first->second;
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("SemiMarkovScheduler: " << e.what());
    }
    catch (const DegenerateChainError& e)
    {
        // A device whose chain has no stationary regime in service (e.g. it
        // never recovers from power saving) can sustain no rate: q_lim = 0.
        NS_LOG_WARN("SemiMarkovScheduler: the battery chain of the device on node "
                    << (device->GetNode() ? static_cast<int>(device->GetNode()->GetId()) : -1)
                    << " is degenerate (" << e.what() << "): its q_lim is taken as 0");
        return m_limits.emplace(PeekPointer(device), RateLimit()).first->second;
    }
}

std::vector<double>
SemiMarkovScheduler::Weights(const Devices& devices, const RoutingRequest* known)
{
    std::size_t n = devices.size();
    std::vector<double> w(n, 1.0);
    if (m_policy != "uniform")
    {
        for (std::size_t i = 0; i < n; ++i)
        {
            w[i] = GetRateLimit(devices[i]).qlim;
        }
        double sum = 0;
        for (double v : w)
        {
            sum += v;
        }
        for (double& v : w)
        {
            v = sum > 0 ? v / sum : 1.0 / n; // all q_lim 0: no information, fall back to uniform
        }
    }
    if (m_policy == "adaptive")
    {
        std::vector<bool> critical(n);
        double inCritical = 0;
        for (std::size_t i = 0; i < n; ++i)
        {
            const DeviceSpec& s = devices[i]->GetSpec();
            std::size_t mode = known ? known->ModeIndex(static_cast<uint32_t>(i))
                                     : devices[i]->GetCurrentModeIndex();
            critical[i] = mode == s.policy.Select(0.0);
            inCritical += critical[i] ? 1 : 0;
        }
        double alpha = m_alpha >= 0 ? m_alpha : inCritical;
        double z = alpha / static_cast<double>(n);
        for (std::size_t i = 0; i < n; ++i)
        {
            if (critical[i])
            {
                w[i] *= z;
            }
        }
    }
    return w;
}

std::vector<double>
SemiMarkovScheduler::GetProbabilities(uint32_t layer)
{
    return Probabilities(GetLayer(layer), nullptr);
}

std::vector<double>
SemiMarkovScheduler::Probabilities(const Devices& devices, const RoutingRequest* known)
{
    auto available = [&](std::size_t i) {
        return known ? known->IsAvailable(static_cast<uint32_t>(i)) : devices[i]->IsAvailable();
    };
    std::vector<double> w = Weights(devices, known);
    double sum = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
    {
        if (!available(i))
        {
            w[i] = 0;
        }
        sum += w[i];
    }
    if (sum <= 0)
    {
        // Available devices whose weights are all 0 (q_lim 0, or alpha 0):
        // still serve the job, uniformly among them.
        for (std::size_t i = 0; i < w.size(); ++i)
        {
            w[i] = available(i) ? 1.0 : 0.0;
            sum += w[i];
        }
    }
    for (double& v : w)
    {
        v = sum > 0 ? v / sum : 0.0;
    }
    return w;
}

uint32_t
SemiMarkovScheduler::Draw(const Devices& devices, const RoutingRequest* known)
{
    std::vector<double> p = Probabilities(devices, known);
    double u = m_rng->GetValue();
    double acc = 0;
    std::size_t last = p.size();
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        if (p[i] <= 0)
        {
            continue;
        }
        last = i;
        acc += p[i];
        if (u < acc)
        {
            return static_cast<uint32_t>(i);
        }
    }
    // u within rounding of 1: the last available device; none: no candidate.
    return last < p.size() ? static_cast<uint32_t>(last) : NO_CANDIDATE;
}

Ptr<EnergyHarvestingOrinDevice>
SemiMarkovScheduler::Select(uint32_t layer)
{
    const auto& devices = GetLayer(layer);
    uint32_t i = Draw(devices, nullptr);
    Ptr<EnergyHarvestingOrinDevice> chosen = i == NO_CANDIDATE ? nullptr : devices[i];
    TraceDecision(layer, chosen);
    return chosen;
}

LayerDrawIndex&
SemiMarkovScheduler::IndexOf(const RoutingRequest& request)
{
    const auto& apps = request.candidates;
    if (m_indexes.size() <= request.layer)
    {
        m_indexes.resize(request.layer + 1);
    }
    Ptr<LayerDrawIndex>& index = m_indexes[request.layer];
    if (!index || index->Size() != apps.size() || index->Device(0) != apps[0]->GetDevice() ||
        index->Device(apps.size() - 1) != apps.back()->GetDevice())
    {
        Devices devices;
        for (const auto& app : apps)
        {
            devices.push_back(app->GetDevice());
        }
        // The scan's weights before availability (Weights), and each device's
        // critical mode for "adaptive".
        std::vector<double> w(devices.size(), 1.0);
        std::vector<uint32_t> critical;
        if (m_policy != "uniform")
        {
            double sum = 0;
            for (std::size_t i = 0; i < devices.size(); ++i)
            {
                w[i] = GetRateLimit(devices[i]).qlim;
                sum += w[i];
            }
            if (sum <= 0)
            {
                w.assign(devices.size(), 1.0);
            }
        }
        if (m_policy == "adaptive")
        {
            for (const auto& d : devices)
            {
                critical.push_back(static_cast<uint32_t>(d->GetSpec().policy.Select(0.0)));
            }
        }
        index = Create<LayerDrawIndex>(devices, w, critical);
    }
    return *index;
}

uint32_t
SemiMarkovScheduler::DoRoute(const RoutingRequest& request)
{
    if (!request.reports && m_indexThreshold > 0 && !request.candidates.empty() &&
        request.candidates.size() >= m_indexThreshold)
    {
        LayerDrawIndex& index = IndexOf(request);
        std::size_t i = index.Draw(m_rng->GetValue(), m_alpha);
        return i == index.Size() ? NO_CANDIDATE : static_cast<uint32_t>(i);
    }
    m_candidates.clear();
    for (const auto& app : request.candidates)
    {
        m_candidates.push_back(app->GetDevice());
    }
    return Draw(m_candidates, &request);
}

} // namespace llmedge
} // namespace ns3
