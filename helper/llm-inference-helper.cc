/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-inference-helper.h"

#include "ns3/fatal-error.h"
#include "ns3/double.h"
#include "ns3/pointer.h"
#include "ns3/random-slot-harvester.h"
#include "ns3/random-variable-stream.h"
#include "ns3/semi-markov-scheduler.h"

namespace ns3
{
namespace llmedge
{

LlmInferenceHelper::LlmInferenceHelper()
{
    m_pipeline.SetTypeId(InferencePipeline::GetTypeId());
    m_policy.SetTypeId(SemiMarkovScheduler::GetTypeId());
    m_source.SetTypeId(LlmRequestSource::GetTypeId());
    m_block.SetTypeId(LlmBlockApplication::GetTypeId());
}

EnergyHarvestingOrinDeviceHelper&
LlmInferenceHelper::Devices()
{
    return m_devices;
}

void
LlmInferenceHelper::SetPipelineAttribute(const std::string& name, const AttributeValue& value)
{
    m_pipeline.Set(name, value);
}

void
LlmInferenceHelper::SetPolicy(const std::string& typeName)
{
    m_policy.SetTypeId(typeName);
}

void
LlmInferenceHelper::SetPolicyAttribute(const std::string& name, const AttributeValue& value)
{
    m_policy.Set(name, value);
}

void
LlmInferenceHelper::SetSchedulerAttribute(const std::string& name, const AttributeValue& value)
{
    SetPolicyAttribute(name, value);
}

void
LlmInferenceHelper::SetSourceAttribute(const std::string& name, const AttributeValue& value)
{
    m_source.Set(name, value);
}

void
LlmInferenceHelper::SetBlockAttribute(const std::string& name, const AttributeValue& value)
{
    m_block.Set(name, value);
}

Ptr<InferencePipeline>
LlmInferenceHelper::Install(const std::vector<NodeContainer>& layers, Ptr<Node> source) const
{
    NS_ABORT_MSG_IF(layers.empty(), "LlmInferenceHelper: no layers");
    NS_ABORT_MSG_IF(!source, "LlmInferenceHelper: no source node");
    Ptr<InferencePipeline> pipeline = m_pipeline.Create<InferencePipeline>();
    pipeline->SetPolicy(m_policy.Create<InferencePolicy>());
    for (std::size_t l = 0; l < layers.size(); ++l)
    {
        NS_ABORT_MSG_IF(layers[l].GetN() == 0, "LlmInferenceHelper: layer " << l << " has no node");
        std::vector<Ptr<LlmBlockApplication>> apps;
        for (auto it = layers[l].Begin(); it != layers[l].End(); ++it)
        {
            Ptr<EnergyHarvestingOrinDevice> d = EnergyHarvestingOrinDeviceHelper::GetDevice(*it);
            if (!d)
            {
                d = m_devices.Install(*it);
            }
            Ptr<LlmBlockApplication> app = m_block.Create<LlmBlockApplication>();
            app->SetDevice(d);
            (*it)->AddApplication(app);
            apps.push_back(app);
        }
        pipeline->AddLayer(apps);
    }
    Ptr<LlmRequestSource> src = m_source.Create<LlmRequestSource>();
    source->AddApplication(src);
    pipeline->SetSource(src);
    // Config paths: /NodeList/[source]/$ns3::llmedge::InferencePipeline/Completed
    // (one pipeline per node can be aggregated: a second one on the same
    // source node stays reachable only through its Ptr).
    if (!source->GetObject<InferencePipeline>())
    {
        source->AggregateObject(pipeline);
    }
    return pipeline;
}

int64_t
LlmInferenceHelper::AssignStreams(Ptr<InferencePipeline> pipeline, int64_t stream)
{
    int64_t used = pipeline->GetPolicy()->AssignStreams(stream);
    for (uint32_t l = 0; l < pipeline->GetNLayers(); ++l)
    {
        for (const auto& app : pipeline->GetLayer(l))
        {
            Ptr<SlotEnergyHarvester> h = app->GetDevice()->GetHarvester();
            if (h)
            {
                used += h->AssignStreams(stream + used);
            }
        }
    }
    used += pipeline->GetSource()->AssignStreams(stream + used);
    return used;
}

void
LlmInferenceHelper::SetNodeSpecificHarvest(Ptr<InferencePipeline> pipeline, double meanJ)
{
    SetNodeSpecificHarvest(pipeline, meanJ, 0.5, 0.5);
}

void
LlmInferenceHelper::SetNodeSpecificHarvest(Ptr<InferencePipeline> pipeline,
                                           double meanJ,
                                           double nodeSpread,
                                           double width)
{
    NS_ABORT_MSG_UNLESS(nodeSpread >= 0 && nodeSpread <= 1 && width >= 0 && width <= 1,
                        "SetNodeSpecificHarvest: nodeSpread " << nodeSpread << " and width "
                                                              << width << " must be in [0, 1]");
    for (uint32_t l = 0; l < pipeline->GetNLayers(); ++l)
    {
        const auto& apps = pipeline->GetLayer(l);
        for (std::size_t j = 0; j < apps.size(); ++j)
        {
            // With a = w = 0.5 these are bit for bit the former constants
            // (0.5 + j / (N - 1), 0.5 m, 1.5 m).
            double m = meanJ * (apps.size() > 1 ? (1 - nodeSpread) + 2 * nodeSpread *
                                                                         static_cast<double>(j) /
                                                                         (apps.size() - 1)
                                                : 1.0);
            Ptr<UniformRandomVariable> rv = CreateObject<UniformRandomVariable>();
            rv->SetAttribute("Min", DoubleValue((1 - width) * m));
            rv->SetAttribute("Max", DoubleValue((1 + width) * m));
            Ptr<SlotEnergyHarvester> h = apps[j]->GetDevice()->GetHarvester();
            NS_ABORT_MSG_UNLESS(DynamicCast<RandomSlotHarvester>(h),
                                "SetNodeSpecificHarvest: device of layer "
                                    << l << " has no RandomSlotHarvester");
            h->SetAttribute("SlotEnergyJ", PointerValue(rv));
        }
    }
}

std::vector<NodeContainer>
LlmInferenceHelper::CreateLayout(uint32_t layers, uint32_t perLayer)
{
    std::vector<NodeContainer> out(layers);
    for (auto& c : out)
    {
        c.Create(perLayer);
    }
    return out;
}

} // namespace llmedge
} // namespace ns3
