/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "invariant-check.h"

#include "ns3/capped-battery-energy-source.h"
#include "ns3/llm-block-application.h"
#include "ns3/llm-request-source.h"
#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InvariantCheck");

namespace llmedge
{

namespace
{
uint64_t g_runsChecked = 0; ///< runs whose invariants held, this process
} // namespace

std::vector<std::string>
InvariantCheck::CheckJobConservation(const InferencePipeline::JobAccounts& a)
{
    std::vector<std::string> out;
    int64_t dropped = 0;
    std::ostringstream terms;
    for (uint32_t r = 0; r < a.dropped.size(); ++r)
    {
        dropped += static_cast<int64_t>(a.dropped[r]);
    }
    int64_t held = 0;
    for (std::size_t l = 0; l < a.heldByLayer.size(); ++l)
    {
        held += a.heldByLayer[l];
        if (a.heldByLayer[l] < 0)
        {
            std::ostringstream os;
            os << "job conservation: counter held[layer " << l << "] = " << a.heldByLayer[l]
               << " < 0 (a job left a device it never entered)";
            out.push_back(os.str());
        }
    }
    int64_t wire = 0;
    for (std::size_t h = 0; h < a.onWireByHop.size(); ++h)
    {
        wire += a.onWireByHop[h];
        if (a.onWireByHop[h] < 0)
        {
            std::ostringstream os;
            os << "job conservation: counter on_wire[hop " << h << "] = " << a.onWireByHop[h]
               << " < 0 (a transfer ended that never started)";
            out.push_back(os.str());
        }
    }
    int64_t arrived = static_cast<int64_t>(a.arrived);
    int64_t rhs = static_cast<int64_t>(a.completed) + dropped + held + wire;
    if (arrived != rhs)
    {
        std::ostringstream os;
        os << "job conservation: arrived = " << arrived << " but completed + dropped + held + "
           << "on_wire = " << a.completed << " + " << dropped << " + " << held << " + " << wire
           << " = " << rhs << " (" << (arrived > rhs ? arrived - rhs : rhs - arrived) << " job(s) "
           << (arrived > rhs ? "unaccounted for" : "counted twice") << ")";
        out.push_back(os.str());
    }
    return out;
}

double
InvariantCheck::EnergyToleranceJ(double scaleJ)
{
    return std::max(kEnergyAbsToleranceJ, kEnergyRelTolerance * std::abs(scaleJ));
}

std::vector<std::string>
InvariantCheck::CheckEnergyBalance(const std::string& what, double errorJ, double scaleJ)
{
    std::vector<std::string> out;
    double tol = EnergyToleranceJ(scaleJ);
    if (!(std::abs(errorJ) <= tol)) // NaN fails too
    {
        std::ostringstream os;
        os.precision(6);
        os << "energy balance of " << what << ": |initial + harvested + grid - consumed - "
           << "spilled - stored| = " << std::abs(errorJ) << " J > tolerance " << tol << " J ("
           << kEnergyRelTolerance << " x " << scaleJ << " J of energies involved)";
        out.push_back(os.str());
    }
    return out;
}

std::vector<std::string>
InvariantCheck::CheckGridSupply(const std::string& what, double batteryGridJ, Ptr<GridSupply> grid)
{
    std::vector<std::string> out;
    double gridJ = grid->GetGridEnergyJ();
    double tol = EnergyToleranceJ(gridJ + batteryGridJ);
    if (!(std::abs(gridJ - batteryGridJ) <= tol))
    {
        std::ostringstream os;
        os.precision(12);
        os << "grid energy of " << what << ": the battery counted " << batteryGridJ
           << " J served by the grid, its grid supply " << gridJ << " J (tolerance " << tol
           << " J)";
        out.push_back(os.str());
    }
    double grams = grid->GetCarbonGrams();
    double gTol = std::max(kCarbonAbsToleranceG, kEnergyRelTolerance * std::abs(grams));
    if (!(std::abs(grid->GetCarbonBalanceErrorG()) <= gTol))
    {
        std::ostringstream os;
        os.precision(12);
        os << "carbon balance of " << what << ": total " << grams << " g but the draws' J x "
           << "g/kWh / 3.6e6 sum to " << grams - grid->GetCarbonBalanceErrorG() << " g (tolerance "
           << gTol << " g)";
        out.push_back(os.str());
    }
    return out;
}

std::vector<std::string>
InvariantCheck::CheckDevice(Ptr<EnergyHarvestingOrinDevice> device, const std::string& what)
{
    std::vector<std::string> out;
    uint64_t accepted = device->GetJobsAccepted();
    uint64_t completed = device->GetJobsCompleted();
    uint64_t aborted = device->GetJobsRefused(EnergyHarvestingOrinDevice::DEPLETED);
    uint64_t held = device->GetJobsHeld();
    if (accepted != completed + aborted + held)
    {
        std::ostringstream os;
        os << "job conservation of " << what << ": accepted = " << accepted
           << " but completed + aborted + held = " << completed << " + " << aborted << " + " << held
           << " = " << completed + aborted + held;
        out.push_back(os.str());
    }
    Ptr<CappedBatteryEnergySource> b = device->GetBattery();
    if (b)
    {
        b->GetRemainingEnergy(); // brings a continuous battery up to date
        double scale = b->GetCapacityJ() + b->GetInitialEnergy() + b->GetHarvestedEnergyJ() +
                       b->GetGridEnergyJ() + b->GetConsumedEnergyJ() + b->GetSpilledEnergyJ();
        auto e = CheckEnergyBalance(what + "'s battery", b->GetBalanceErrorJ(), scale);
        out.insert(out.end(), e.begin(), e.end());
        if (b->GetGridSupply())
        {
            auto g = CheckGridSupply(what, b->GetGridEnergyJ(), b->GetGridSupply());
            out.insert(out.end(), g.begin(), g.end());
        }
    }
    return out;
}

std::vector<std::string>
InvariantCheck::Check(Ptr<InferencePipeline> pipeline)
{
    InferencePipeline::JobAccounts a = pipeline->GetAccounts();
    std::vector<std::string> out = CheckJobConservation(a);
    // Each counter against the place it counts.
    uint64_t outgoing = 0;
    for (uint32_t l = 0; l < pipeline->GetNLayers(); ++l)
    {
        int64_t inTables = 0;
        const auto& apps = pipeline->GetLayer(l);
        for (std::size_t j = 0; j < apps.size(); ++j)
        {
            inTables += apps[j]->GetJobsHeld();
            outgoing += apps[j]->GetTransfersOutstanding();
            std::ostringstream name;
            name << "device " << j << " of layer " << l << " (node " << apps[j]->GetNode()->GetId()
                 << ")";
            auto d = CheckDevice(apps[j]->GetDevice(), name.str());
            out.insert(out.end(), d.begin(), d.end());
            if (apps[j]->GetJobsHeld() != apps[j]->GetDevice()->GetJobsHeld())
            {
                std::ostringstream os;
                os << "job conservation of " << name.str() << ": its application holds "
                   << apps[j]->GetJobsHeld() << " job(s), the device "
                   << apps[j]->GetDevice()->GetJobsHeld();
                out.push_back(os.str());
            }
        }
        int64_t counted = l < a.heldByLayer.size() ? a.heldByLayer[l] : 0;
        if (counted != inTables)
        {
            std::ostringstream os;
            os << "job conservation: counter held[layer " << l << "] = " << counted
               << " but the layer's applications hold " << inTables << " job(s)";
            out.push_back(os.str());
        }
    }
    if (pipeline->GetSource())
    {
        outgoing += pipeline->GetSource()->GetTransfersOutstanding();
    }
    for (const auto& c : pipeline->GetCompletions())
    {
        Time parts = c.batchWait + c.queueWait + c.compute + c.network;
        if (parts != c.latency)
        {
            std::ostringstream os;
            os << "latency split of job " << c.id << ": batch wait + queue + compute + network = "
               << parts.GetSeconds() << " s but the latency is " << c.latency.GetSeconds() << " s";
            out.push_back(os.str());
            break; // one is enough
        }
    }
    int64_t wire = 0;
    for (auto v : a.onWireByHop)
    {
        wire += v;
    }
    if (static_cast<int64_t>(outgoing) != wire)
    {
        std::ostringstream os;
        os << "job conservation: counters on_wire sum to " << wire << " but the senders track "
           << outgoing << " transfer(s)";
        out.push_back(os.str());
    }
    return out;
}

void
InvariantCheck::ExitIfViolated(const std::vector<std::string>& violations,
                               const std::string& context)
{
    if (violations.empty())
    {
        ++g_runsChecked;
        return;
    }
    std::cout.flush();
    std::cerr << "\ninvariant violated" << (context.empty() ? "" : " in " + context) << ":\n";
    for (const auto& v : violations)
    {
        std::cerr << "  " << v << "\n";
    }
    std::cerr << "(exit status " << kExitStatus
              << ": the simulation broke an invariant; please report it)" << std::endl;
    std::fflush(nullptr);
    std::_Exit(kExitStatus); // also inside a forked ReplicationRunner worker
}

void
InvariantCheck::Enforce(Ptr<InferencePipeline> pipeline, const std::string& context)
{
    ExitIfViolated(Check(pipeline), context);
}

void
InvariantCheck::Enforce(Ptr<EnergyHarvestingOrinDevice> device, const std::string& context)
{
    ExitIfViolated(CheckDevice(device, "the device"), context);
}

uint64_t
InvariantCheck::GetRunsChecked()
{
    return g_runsChecked;
}

void
InvariantCheck::AddRunsChecked(uint64_t n)
{
    g_runsChecked += n;
}

int
InvariantCheck::Finish(const std::string& label, bool simulates)
{
    if (!simulates)
    {
        return 0;
    }
    if (g_runsChecked == 0)
    {
        ExitIfViolated({"no simulated run was checked (the checks ran on nothing)"}, label);
    }
    std::cout << label << ": invariants (job conservation, energy balance) held in "
              << g_runsChecked << " simulated run(s)\n";
    return 0;
}

} // namespace llmedge
} // namespace ns3
