/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A user's own topology: an LLM split into 2 layers served by 2 and 4
// energy-harvesting devices, a request source, point-to-point links of the
// user's choice, activations carried over TCP. The helper only needs one
// NodeContainer per layer and the source node; links and addresses are yours.
//
//   ./ns3 run llm-edge-user-topology
//   ./ns3 run "llm-edge-user-topology --timeSeries=topology-ts.csv"
//   ./ns3 run "llm-edge-user-topology --jobPaths=topology-paths.csv"
//   python3 contrib/llm-edge/examples/llm-edge-plot-timeseries.py topology-ts.csv
//
// Traces by Config path: every trace source of the module is reachable from
// /NodeList/ (see doc/llm-edge.rst, "Traces by Config path"); below, the pipeline's
// completions are counted through one, and --timeSeries records every
// device's battery, mode, state and jobs through them (LlmEdgeTraceHelper).

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/llm-edge-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <iostream>
#include <string>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// Completions seen through the pipeline's Config path.
uint64_t g_completedByPath = 0;

void
CountCompleted(std::string /* context */, uint64_t /* jobId */, Time /* latency */)
{
    ++g_completedByPath;
}

} // namespace

int
Run(int argc, char* argv[])
{
    uint32_t slots = 200;
    double q = 0.3;
    std::string policy = "adaptive";
    std::string timeSeries = "none";
    double timeSeriesIntervalS = 0;
    std::string jobPaths = "none";
    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-user-topology", cmd);
    opt.AddCount("slots", "Slots of 100 s to simulate", slots, 1, 10000000);
    opt.AddReal("q", "Job probability per slot", q, 0, 1);
    opt.AddString("policy", "uniform, long-term or adaptive", policy,
                  {"uniform", "long-term", "adaptive"});
    opt.AddOutputFile("timeSeries",
                      "Time-series CSV of every device (battery, harvest, mode, state, jobs; "
                      "\"none\": no file)",
                      timeSeries);
    opt.AddReal("timeSeriesIntervalS",
                "Sampling period of the time series, s (0: a row when a value changes)",
                timeSeriesIntervalS, 0, kMaxTimeS);
    opt.AddOutputFile("jobPaths",
                      "CSV of every job's path: each block it ran (layer, node, times), then "
                      "its end (\"none\": no file)",
                      jobPaths);
    opt.Parse(argc, argv);

    // Your nodes: a source, a first layer of 2 devices, a second of 4.
    NodeContainer source;
    source.Create(1);
    NodeContainer layer0;
    layer0.Create(2);
    NodeContainer layer1;
    layer1.Create(4);

    // Your links: the source to layer 0, layer 0 to every layer-1 device,
    // layer 1 back to the source. 100 Mbit/s, 5 ms each.
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    InternetStackHelper internet;
    internet.Install(source);
    internet.Install(layer0);
    internet.Install(layer1);
    Ipv4AddressHelper addresses;
    addresses.SetBase("10.0.0.0", "255.255.255.252");
    auto link = [&](Ptr<Node> a, Ptr<Node> b) {
        addresses.Assign(p2p.Install(a, b));
        addresses.NewNetwork();
    };
    for (uint32_t i = 0; i < layer0.GetN(); ++i)
    {
        link(source.Get(0), layer0.Get(i));
        for (uint32_t j = 0; j < layer1.GetN(); ++j)
        {
            link(layer0.Get(i), layer1.Get(j));
        }
    }
    for (uint32_t j = 0; j < layer1.GetN(); ++j)
    {
        link(layer1.Get(j), source.Get(0));
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    // The module: devices with their own harvest, applications, scheduler.
    LlmInferenceHelper llm;
    llm.Devices().SetHarvesterAttribute("SlotEnergyJ",
                                        StringValue("ns3::UniformRandomVariable[Min=200|Max=900]"));
    llm.SetPipelineAttribute("Transport", StringValue("tcp"));
    llm.SetSchedulerAttribute("Policy", StringValue(policy));
    llm.SetSourceAttribute("Probability", DoubleValue(q));
    Ptr<InferencePipeline> pipeline = llm.Install({layer0, layer1}, source.Get(0));
    LlmInferenceHelper::AssignStreams(pipeline, 1);

    // Traces by Config path: the pipeline is aggregated to the source node,
    // the devices are under $ns3::llmedge::OrinDeviceHolder on theirs.
    Config::Connect("/NodeList/" + std::to_string(source.Get(0)->GetId()) +
                        "/$ns3::llmedge::InferencePipeline/Completed",
                    MakeCallback(&CountCompleted));
    if (timeSeries != "none")
    {
        LlmEdgeTraceHelper traces;
        traces.SetInterval(Seconds(timeSeriesIntervalS));
        traces.EnableTimeSeries(timeSeries, NodeContainer(layer0, layer1));
    }
    if (jobPaths != "none")
    {
        LlmEdgeTraceHelper().EnableJobPaths(jobPaths, pipeline);
    }

    Time end = Seconds(100.0 * slots);
    Simulator::Stop(end);
    Simulator::Run();
    InvariantCheck::Enforce(pipeline, "llm-edge-user-topology"); // exit 3 on a violation
    LlmRunReport r = LlmRunReport::Collect(pipeline, end);
    std::vector<std::string> names = LlmRunReport::Names();
    std::vector<double> values = r.Values();
    std::cout << "2 layers (2 and 4 devices) over TCP, " << slots << " slots, q = " << q << ", "
              << policy << "\n";
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        std::cout << "  " << names[i] << " = " << values[i] << "\n";
    }
    std::cout << "  completions traced by Config path = " << g_completedByPath << "\n";
    Simulator::Destroy(); // flushes the time series and the job paths
    for (const auto& [what, file] : {std::make_pair("Time series", timeSeries),
                                     std::make_pair("Job paths", jobPaths)})
    {
        if (file != "none")
        {
            ResultProvenance provenance =
                ResultProvenance::FromProgram("llm-edge-user-topology", opt);
            provenance.SetRuns(RngSeedManager::GetSeed(), opt.GetFirstRun(1), 1);
            provenance.WriteSidecar(file);
            std::cout << what << " written to " << file << " (provenance in "
                      << ResultProvenance::SidecarPath(file) << ")\n";
        }
    }
    return InvariantCheck::Finish("llm-edge-user-topology");
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-user-topology", [&]() { return Run(argc, argv); });
}
