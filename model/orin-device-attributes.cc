/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "orin-device-attributes.h"
#include "ns3/device-spec.h"

#include "device-accounting.h"
#include "inference-policy.h"

#include "ns3/config-error.h"
#include "ns3/device-profile.h"
#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OrinDeviceAttributes");

namespace llmedge
{

TypeId
OrinDeviceAttributes::AddQueueAndBatchAttributes(TypeId tid)
{
    return tid
            .AddAttribute("QueueCapacity",
                          "Jobs that may wait while the device is busy (>= 1; 1: the paper's one "
                          "pending job).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&OrinDeviceAttributes::m_queueCapacity),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DeviceProfileFile",
                          "Batched: device profile CSV (DeviceProfileTable: batch time, energy "
                          "and memory per device kind, model and batch size).",
                          StringValue(""),
                          MakeStringAccessor(&OrinDeviceAttributes::m_profileFile),
                          MakeStringChecker())
            .AddAttribute("DeviceKind",
                          "Batched: the device kind in DeviceProfileFile.",
                          StringValue("orin-nx-8gb"),
                          MakeStringAccessor(&OrinDeviceAttributes::m_deviceKind),
                          MakeStringChecker())
            .AddAttribute("ModelName",
                          "Batched: the model in DeviceProfileFile.",
                          StringValue("llama-3.2-3b-q4km"),
                          MakeStringAccessor(&OrinDeviceAttributes::m_modelName),
                          MakeStringChecker())
            .AddAttribute("MaxBatch",
                          "Batched: largest batch B (>= 1; the profile needs rows 1..B).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&OrinDeviceAttributes::m_maxBatch),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("BatchTimeout",
                          "Batched: an idle device starts a batch of fewer than MaxBatch when "
                          "its oldest waiting request has waited this long (>= 0).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&OrinDeviceAttributes::m_batchTimeout),
                          MakeTimeChecker())
            // Read-only, so that Config paths reach the battery's and the
            // harvester's trace sources (.../Battery/RemainingEnergy).
            .AddAttribute("Battery",
                          "The CappedBatteryEnergySource the device draws from (set with "
                          "SetEnergySource).",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&OrinDeviceAttributes::GetBattery),
                          MakePointerChecker<CappedBatteryEnergySource>())
            .AddAttribute("Harvester",
                          "The SlotEnergyHarvester charging the battery, or null (set with "
                          "SetHarvester).",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&OrinDeviceAttributes::GetHarvester),
                          MakePointerChecker<SlotEnergyHarvester>());
}


TypeId
OrinDeviceAttributes::AddAttributes(TypeId tid)
{
    tid = tid
            .AddAttribute("Accounting",
                          "Energy accounting: \"Slotted\" (the paper's Eq. 1, decisions at stage "
                          "boundaries), \"Continuous\" (power through ns-3's energy framework) or "
                          "\"Batched\" (Continuous with batches from DeviceProfileFile).",
                          StringValue("Slotted"),
                          MakeStringAccessor(&OrinDeviceAttributes::m_accountingName),
                          MakeStringChecker())
            .AddAttribute("SlotDuration",
                          "Slot length T (> 0). Paper: 100 s.",
                          TimeValue(Seconds(kDefaultSlotS)),
                          MakeTimeAccessor(&OrinDeviceAttributes::m_slot),
                          MakeTimeChecker())
            .AddAttribute("PowerModePreset",
                          "Built-in power-mode table: \"paper-scaled\" (the paper's energies / 10) "
                          "or \"paper-printed\" (as printed). Ignored when PowerModeFile is set.",
                          StringValue("paper-scaled"),
                          MakeStringAccessor(&OrinDeviceAttributes::m_preset),
                          MakeStringChecker())
            .AddAttribute("PowerModeFile",
                          "CSV power-mode table (columns name,time_per_job_s,energy_per_job_j"
                          "[,idle_power_w,saving_power_w,flag,source]); overrides the preset.",
                          StringValue(""),
                          MakeStringAccessor(&OrinDeviceAttributes::m_modeFile),
                          MakeStringChecker())
            .AddAttribute("PowerMode",
                          "\"dynamic\" or the name of a fixed mode of the table (e.g. \"30W\").",
                          StringValue("dynamic"),
                          MakeStringAccessor(&OrinDeviceAttributes::m_powerMode),
                          MakeStringChecker())
            .AddAttribute("DynamicThresholds",
                          "Dynamic policy: fraction:mode steps, first fraction 0, increasing.",
                          StringValue("0:15W,0.4:30W,0.6:60W"),
                          MakeStringAccessor(&OrinDeviceAttributes::m_thresholds),
                          MakeStringChecker())
            .AddAttribute("LowThresholdFraction",
                          "Elow / capacity: power saving starts below it. Paper: 0.1.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&OrinDeviceAttributes::m_lowFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("HighThresholdFraction",
                          "Ehigh / capacity: power saving ends at or above it (paper: unstated).",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&OrinDeviceAttributes::m_highFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("Tuner",
                          "An InferencePolicy that tunes the power mode of each job (arm i = "
                          "mode i of the table; e.g. EdpTunerPolicy with SurfaceFile "
                          "\"power-modes\"), told each job's energy and service time; null: "
                          "the PowerMode policy chooses.",
                          PointerValue(),
                          MakePointerAccessor(&OrinDeviceAttributes::m_tuner),
                          MakePointerChecker<InferencePolicy>());
    return AddQueueAndBatchAttributes(tid);
}

OrinDeviceAttributes::OrinDeviceAttributes()
    : m_lowFraction(0.1),
      m_highFraction(0.2)
{
}

OrinDeviceAttributes::~OrinDeviceAttributes() = default;

void
OrinDeviceAttributes::DoDispose()
{
    m_battery = nullptr;
    m_tuner = nullptr;
    if (m_harvester)
    {
        m_harvester->Dispose(); // not aggregated anywhere: the device owns it
    }
    m_harvester = nullptr;
    m_node = nullptr;
    DeviceEnergyModel::DoDispose();
}

void
OrinDeviceAttributes::SetEnergySource(Ptr<EnergySource> source)
{
    NS_LOG_FUNCTION(this << source);
    m_battery = DynamicCast<CappedBatteryEnergySource>(source);
    NS_ABORT_MSG_IF(!m_battery,
                    "EnergyHarvestingOrinDevice needs a CappedBatteryEnergySource, got "
                        << (source ? source->GetInstanceTypeId().GetName() : "null"));
}

Ptr<CappedBatteryEnergySource>
OrinDeviceAttributes::GetBattery() const
{
    return m_battery;
}

void
OrinDeviceAttributes::SetHarvester(Ptr<SlotEnergyHarvester> harvester)
{
    m_harvester = harvester;
}

Ptr<SlotEnergyHarvester>
OrinDeviceAttributes::GetHarvester() const
{
    return m_harvester;
}

void
OrinDeviceAttributes::SetNode(Ptr<Node> node)
{
    m_node = node;
}

Ptr<Node>
OrinDeviceAttributes::GetNode() const
{
    return m_node;
}

void
OrinDeviceAttributes::BuildSpec() const
{
    if (m_specBuilt)
    {
        return;
    }
    NS_ABORT_MSG_IF(!m_battery, "EnergyHarvestingOrinDevice: no energy source set");
    try
    {
        if (!DeviceAccounting::IsKnown(m_accountingName))
        {
            ThrowConfigError("Accounting",
                             "'" + m_accountingName + "'",
                             "expected \"Slotted\", \"Continuous\" or \"Batched\"");
        }
        if (m_queueCapacity < 1 || m_queueCapacity > 1000000)
        {
            ThrowConfigError("QueueCapacity", std::to_string(m_queueCapacity), "must lie in [1, 1e6]");
        }
        if (m_maxBatch < 1 || m_maxBatch > kMaxBatchSize)
        {
            ThrowConfigError("MaxBatch",
                             std::to_string(m_maxBatch),
                             "must lie in [1, " + std::to_string(kMaxBatchSize) + "]");
        }
        if (m_batchTimeout.IsStrictlyNegative())
        {
            ThrowConfigError("BatchTimeout",
                             FormatValue(m_batchTimeout.GetSeconds()) + " s",
                             "must be >= 0");
        }
        DeviceSpec spec = DeviceSpec::Build(m_battery->GetCapacityJ(),
                                            m_slot.GetSeconds(),
                                            m_lowFraction,
                                            m_highFraction,
                                            {m_preset, m_modeFile, m_powerMode, m_thresholds});
        if (m_harvester && m_harvester->GetSlotDuration() != m_slot)
        {
            ThrowConfigError("SlotDuration",
                             FormatValue(m_slot.GetSeconds()) + " s (harvester: " +
                                 FormatValue(m_harvester->GetSlotDuration().GetSeconds()) + " s)",
                             "the device and its harvester must use the same slot");
        }
        m_spec = std::move(spec);
        m_specBuilt = true;
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("EnergyHarvestingOrinDevice: " << e.what());
    }
}

const DeviceSpec&
OrinDeviceAttributes::GetSpec() const
{
    BuildSpec();
    return m_spec;
}

const std::string&
OrinDeviceAttributes::GetAccounting() const
{
    return m_accountingName;
}

void
OrinDeviceAttributes::HandleEnergyRecharged()
{
}

void
OrinDeviceAttributes::HandleEnergyChanged()
{
}

void
OrinDeviceAttributes::ChangeState(int newState)
{
    NS_FATAL_ERROR("EnergyHarvestingOrinDevice: the state follows jobs and the battery; "
                   "ChangeState("
                   << newState << ") is not supported");
}

} // namespace llmedge
} // namespace ns3
