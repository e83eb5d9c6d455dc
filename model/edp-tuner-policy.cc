/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "edp-tuner-policy.h"

#include "ns3/config-error.h"
#include "energy-harvesting-orin-device.h"
#include "ns3/thompson-sampling-tuner.h"

#include "ns3/double.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(EdpTunerPolicy);

TypeId
EdpTunerPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::EdpTunerPolicy")
            .SetParent<InferencePolicy>()
            .SetGroupName("LlmEdge")
            .AddConstructor<EdpTunerPolicy>()
            .AddAttribute("Tuner",
                          "thompson, ucb1, epsilon-greedy, grid-search, default or oracle.",
                          StringValue("thompson"),
                          MakeStringAccessor(&EdpTunerPolicy::m_tunerName),
                          MakeStringChecker())
            .AddAttribute("SurfaceFile",
                          "Configuration surface CSV (time and energy per batch per arm).",
                          StringValue(std::string(LLM_EDGE_DATA_DIR) +
                                      "/camel/agx-orin-32gb-llama-3.2-1b.csv"),
                          MakeStringAccessor(&EdpTunerPolicy::m_surfaceFile),
                          MakeStringChecker())
            .AddAttribute("DeviceKind",
                          "Device kind of the surface rows to use.",
                          StringValue("agx-orin-32gb"),
                          MakeStringAccessor(&EdpTunerPolicy::m_deviceKind),
                          MakeStringChecker())
            .AddAttribute("ModelName",
                          "Model of the surface rows to use.",
                          StringValue("llama-3.2-1b"),
                          MakeStringAccessor(&EdpTunerPolicy::m_model),
                          MakeStringChecker())
            .AddAttribute("EnergyWeight",
                          "Weight a of the normalized energy in the cost, in [0, 1] (paper 0.5).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&EdpTunerPolicy::m_energyWeight),
                          MakeDoubleChecker<double>())
            .AddAttribute("ArrivalRate",
                          "lambda of the cost's queue-wait term (b - 1) / (2 lambda), "
                          "requests/s (paper 1).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&EdpTunerPolicy::m_arrivalRate),
                          MakeDoubleChecker<double>())
            .AddAttribute("Normalization",
                          "default-arm (energy and latency divided by the default arm's) or "
                          "min-max (over the grid).",
                          StringValue("default-arm"),
                          MakeStringAccessor(&EdpTunerPolicy::m_normalization),
                          MakeStringChecker())
            .AddAttribute("PullsPerArm",
                          "grid-search: batches per arm before it commits (>= 1).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&EdpTunerPolicy::m_pullsPerArm),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Epsilon",
                          "epsilon-greedy: exploration probability, in [0, 1].",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&EdpTunerPolicy::m_epsilon),
                          MakeDoubleChecker<double>())
            .AddAttribute("EnergyWeightAtEmpty",
                          "Battery-aware tuning: energy weight at an empty battery (the weight "
                          "moves linearly from EnergyWeight when full to this when empty), in "
                          "[0, 1]; negative: off (fixed EnergyWeight).",
                          DoubleValue(-1.0),
                          MakeDoubleAccessor(&EdpTunerPolicy::m_weightAtEmpty),
                          MakeDoubleChecker<double>())
            .AddAttribute("UcbScale",
                          "ucb1: exploration scale c (> 0), cost units.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&EdpTunerPolicy::m_ucbScale),
                          MakeDoubleChecker<double>());
    return tid;
}

EdpTunerPolicy::EdpTunerPolicy()
    : m_energyWeight(0.5),
      m_arrivalRate(1.0),
      m_pullsPerArm(3),
      m_epsilon(0.1),
      m_ucbScale(1.0),
      m_weightAtEmpty(-1.0),
      m_normal(CreateObject<NormalRandomVariable>()),
      m_uniform(CreateObject<UniformRandomVariable>())
{
    m_draws.normal = [this]() { return m_normal->GetValue(); };
    m_draws.uniform = [this]() { return m_uniform->GetValue(); };
}

EdpTunerPolicy::~EdpTunerPolicy() = default;

void
EdpTunerPolicy::DoInitialize()
{
    if (m_surfaceFile != "power-modes")
    {
        Build(); // bad attributes are reported when the policy is set up
    }
    InferencePolicy::DoInitialize();
}

CostOptions
EdpTunerPolicy::GetCostOptions() const
{
    CostOptions o;
    o.energyWeight = m_energyWeight;
    o.arrivalRatePerS = m_arrivalRate;
    if (m_normalization == "default-arm")
    {
        o.normalization = CostNormalization::DefaultArm;
    }
    else if (m_normalization == "min-max")
    {
        o.normalization = CostNormalization::MinMax;
    }
    else
    {
        ThrowConfigError("EdpTunerPolicy::Normalization", "'" + m_normalization + "'",
                         "expected default-arm or min-max");
    }
    ConfigSurface::CheckOptions(o);
    return o;
}

void
EdpTunerPolicy::Build(Ptr<EnergyHarvestingOrinDevice> device) const
{
    if (m_tuner)
    {
        return;
    }
    CostOptions o = GetCostOptions();
    if (m_weightAtEmpty > 1 || !(m_weightAtEmpty == m_weightAtEmpty))
    {
        ThrowConfigError("EdpTunerPolicy::EnergyWeightAtEmpty", FormatValue(m_weightAtEmpty),
                         "must lie in [0, 1] (negative: off)");
    }
    std::unique_ptr<ConfigSurface> surface;
    if (m_surfaceFile == "power-modes")
    {
        if (!device)
        {
            ThrowConfigError("EdpTunerPolicy::SurfaceFile", "'power-modes'",
                             "needs the device it tunes (set it as the device's Tuner)");
        }
        // Arm i = mode i: labels 1..n keep the table's order in the surface.
        std::vector<SurfaceArm> arms;
        const auto& modes = device->GetSpec().modes.GetModes();
        for (std::size_t i = 0; i < modes.size(); ++i)
        {
            SurfaceArm a;
            a.freqMhz = static_cast<double>(i + 1);
            a.batch = 1;
            a.timePerBatchS = modes[i].timePerJobS;
            a.energyPerBatchJ = modes[i].energyPerJobJ;
            a.flag = "EST";
            arms.push_back(a);
        }
        surface = std::make_unique<ConfigSurface>(arms, "device", "power-modes", "power-modes");
    }
    else
    {
        surface = std::make_unique<ConfigSurface>(
            ConfigSurface::LoadCsv(m_surfaceFile, m_deviceKind, m_model));
    }
    std::size_t n = surface->GetNArms();
    std::unique_ptr<BanditTuner> t;
    if (m_tunerName == "thompson")
    {
        t = std::make_unique<ThompsonSamplingTuner>(n);
    }
    else if (m_tunerName == "ucb1")
    {
        t = std::make_unique<Ucb1Tuner>(n, m_ucbScale);
    }
    else if (m_tunerName == "epsilon-greedy")
    {
        t = std::make_unique<EpsilonGreedyTuner>(n, m_epsilon);
    }
    else if (m_tunerName == "grid-search")
    {
        t = std::make_unique<GridSearchTuner>(n, m_pullsPerArm);
    }
    else if (m_tunerName == "default")
    {
        t = std::make_unique<DefaultTuner>(n, surface->GetDefaultArm());
    }
    else if (m_tunerName == "oracle")
    {
        t = std::make_unique<OracleTuner>(surface->GetCosts(o));
    }
    else
    {
        ThrowConfigError("EdpTunerPolicy::Tuner", "'" + m_tunerName + "'",
                         "expected thompson, ucb1, epsilon-greedy, grid-search, default or "
                         "oracle");
    }
    m_surface = std::move(surface);
    m_tuner = std::move(t);
}

uint32_t
EdpTunerPolicy::GetNArms() const
{
    Build();
    return static_cast<uint32_t>(m_surface->GetNArms());
}

const ConfigSurface&
EdpTunerPolicy::GetSurface() const
{
    Build();
    return *m_surface;
}

const BanditTuner&
EdpTunerPolicy::GetTuner() const
{
    Build();
    return *m_tuner;
}

int64_t
EdpTunerPolicy::AssignStreams(int64_t stream)
{
    m_normal->SetStream(stream);
    m_uniform->SetStream(stream + 1);
    return 2;
}

uint32_t
EdpTunerPolicy::DoTune(const TuningRequest& request)
{
    Build(request.device);
    return static_cast<uint32_t>(m_tuner->Choose(m_draws));
}

void
EdpTunerPolicy::DoObserve(const Outcome& outcome)
{
    Build(outcome.device);
    CostOptions o = GetCostOptions();
    if (m_weightAtEmpty >= 0 && outcome.device)
    {
        double f = outcome.device->GetEnergyFraction();
        o.energyWeight = m_weightAtEmpty + (m_energyWeight - m_weightAtEmpty) * f;
    }
    m_tuner->Observe(outcome.arm, m_surface->Cost(outcome.energyPerRequestJ, outcome.latencyS, o));
}

} // namespace llmedge
} // namespace ns3
