/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INVARIANT_CHECK_H
#define LLM_EDGE_INVARIANT_CHECK_H

#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/grid-supply.h"
#include "ns3/inference-pipeline.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The invariants every run must satisfy, checked in one place.
 *
 * - Job conservation of a pipeline, from independent counters:
 *   arrived = completed + dropped (all reasons) + held by devices + on the
 *   wire, and each counter equal to the place it counts (the jobs in the
 *   block applications' tables, the transfers in the endpoints' tables).
 * - Job conservation of a device: accepted = completed + aborted (DEPLETED)
 *   + held (pending or running).
 * - Energy balance of each battery: |initial + harvested + grid - consumed -
 *   spilled - stored| <= EnergyToleranceJ(scale), a relative tolerance of
 *   kEnergyRelTolerance times the energies involved (capacity + initial +
 *   harvested + grid + consumed + spilled), at least kEnergyAbsToleranceJ.
 * - Grid supply of each battery (when it has one): the grid energy the
 *   battery's ledger counted equals the grid supply's own counter, and the
 *   carbon total (sum of the draws' grams) equals the draws' J x g/kWh summed
 *   and converted once (to kEnergyRelTolerance, at least kCarbonAbsToleranceG).
 *
 * The Check* functions only report (for tests and tools); the Enforce*
 * functions, called by every example program and by PaperScenario after each
 * run, count the checks and, on a violation, print what broke to standard
 * error and end the process with exit status kExitStatus (3). Configuration
 * errors use status 2; 3 means the simulator itself went wrong.
 */
class InvariantCheck
{
  public:
    /// Exit status of a process whose run broke an invariant.
    static constexpr int kExitStatus = 3;
    /// Energy-balance tolerance relative to the energies involved.
    static constexpr double kEnergyRelTolerance = 1e-9;
    /// Smallest energy-balance tolerance, J.
    static constexpr double kEnergyAbsToleranceJ = 1e-6;
    /// Smallest carbon-balance tolerance, g CO2eq.
    static constexpr double kCarbonAbsToleranceG = 1e-9;

    /**
     * \brief Job conservation of a set of accounts (pure arithmetic).
     * \param a the counters
     * \return one line per violation (empty: all hold)
     */
    static std::vector<std::string> CheckJobConservation(const InferencePipeline::JobAccounts& a);

    /**
     * \brief Energy balance of one battery (pure arithmetic).
     * \param what names the battery in the message
     * \param errorJ the balance error, J
     * \param scaleJ the energies involved, J (capacity + initial + flows)
     * \return one line per violation (empty: holds)
     */
    static std::vector<std::string> CheckEnergyBalance(const std::string& what,
                                                       double errorJ,
                                                       double scaleJ);

    /**
     * \brief A battery's grid supply: its grid energy against the battery's
     * count, and its carbon balance.
     * \param what names the device in the message
     * \param batteryGridJ grid energy the battery's ledger counted, J
     * \param grid the battery's grid supply
     * \return one line per violation (empty: all hold)
     */
    static std::vector<std::string> CheckGridSupply(const std::string& what,
                                                    double batteryGridJ,
                                                    Ptr<GridSupply> grid);

    /// \param scaleJ energies involved, J \return the tolerance, J
    static double EnergyToleranceJ(double scaleJ);

    /**
     * \brief Every invariant of a deployment: conservation from the
     * pipeline's counters, the counters against the applications' tables, and
     * each device's job conservation and energy balance.
     * \param pipeline the deployment
     * \return one line per violation (empty: all hold)
     */
    static std::vector<std::string> Check(Ptr<InferencePipeline> pipeline);

    /**
     * \brief A device's job conservation and its battery's energy balance.
     * \param device the device
     * \param what names it in the messages
     * \return one line per violation (empty: all hold)
     */
    static std::vector<std::string> CheckDevice(Ptr<EnergyHarvestingOrinDevice> device,
                                                const std::string& what);

    /**
     * \brief Check(pipeline); on a violation print it to standard error,
     * prefixed by \p context, and exit with kExitStatus.
     * \param pipeline the deployment
     * \param context names the run in the message (e.g. "RngRun 3")
     */
    static void Enforce(Ptr<InferencePipeline> pipeline, const std::string& context);

    /**
     * \brief CheckDevice(device); on a violation print and exit with kExitStatus.
     * \param device the device
     * \param context names the run in the message
     */
    static void Enforce(Ptr<EnergyHarvestingOrinDevice> device, const std::string& context);

    /**
     * \brief Print the violations (if any) and exit with kExitStatus.
     * \param violations lines from the Check* functions
     * \param context names the run
     */
    static void ExitIfViolated(const std::vector<std::string>& violations,
                               const std::string& context);

    /// \return runs checked in this process (and its finished workers)
    static uint64_t GetRunsChecked();
    /// \param n runs checked elsewhere (a ReplicationRunner worker)
    static void AddRunsChecked(uint64_t n);

    /**
     * \brief End of a program: print how many runs were checked (stdout). A
     * simulating program that checked no run exits with kExitStatus (a check
     * that ran on nothing must not pass).
     * \param label the program's name
     * \param simulates false for model-only programs (nothing to check,
     * nothing printed)
     * \return 0 (a violation has already ended the process)
     */
    static int Finish(const std::string& label, bool simulates = true);
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INVARIANT_CHECK_H */
