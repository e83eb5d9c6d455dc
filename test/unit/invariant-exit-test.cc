/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// An invariant violation ends the program with exit status 3 and says what
// broke on standard error, also from a ReplicationRunner worker process; a
// simulating program that checked no run does not pass.

#include "ns3/invariant-check.h"
#include "ns3/replication-runner.h"

#include <gtest/gtest.h>

using namespace ns3::llmedge;

TEST(InvariantExit, ViolationExitsWithStatusThree)
{
    EXPECT_EXIT(
        InvariantCheck::ExitIfViolated({"job conservation: arrived = 3 but ..."}, "RngRun 7"),
        ::testing::ExitedWithCode(InvariantCheck::kExitStatus),
        "invariant violated in RngRun 7:\n  job conservation: arrived = 3");
}

TEST(InvariantExit, NoViolationCountsTheRun)
{
    uint64_t before = InvariantCheck::GetRunsChecked();
    InvariantCheck::ExitIfViolated({}, "RngRun 1");
    EXPECT_EQ(InvariantCheck::GetRunsChecked(), before + 1);
}

TEST(InvariantExit, ViolationInAWorkerEndsTheParentWithStatusThree)
{
    EXPECT_EXIT(ReplicationRunner::Run(
                    4,
                    2,
                    [](uint32_t i) {
                        InvariantCheck::ExitIfViolated(
                            i == 3 ? std::vector<std::string>{"energy balance of device 1"}
                                   : std::vector<std::string>{},
                            "task " + std::to_string(i));
                        return std::vector<double>{double(i)};
                    },
                    ""),
                ::testing::ExitedWithCode(InvariantCheck::kExitStatus),
                "invariant violated in task 3");
}

TEST(InvariantExit, WorkersReportTheRunsTheyChecked)
{
    uint64_t before = InvariantCheck::GetRunsChecked();
    auto r = ReplicationRunner::Run(
        5,
        2,
        [](uint32_t i) {
            InvariantCheck::ExitIfViolated({}, "task");
            return std::vector<double>{double(i)};
        },
        "");
    ASSERT_EQ(r.size(), 5u);
    EXPECT_EQ(r[4].at(0), 4.0);
    EXPECT_EQ(InvariantCheck::GetRunsChecked(), before + 5);
}

TEST(InvariantExit, ASimulatingProgramThatCheckedNothingFails)
{
    // "threadsafe": the child re-runs this test alone in a fresh process, so
    // no run counted by the other tests is inherited.
    ::testing::FLAGS_gtest_death_test_style = "threadsafe";
    EXPECT_EXIT(InvariantCheck::Finish("prog"),
                ::testing::ExitedWithCode(InvariantCheck::kExitStatus),
                "invariant violated in prog:\n  no simulated run was checked");
    EXPECT_EQ(InvariantCheck::Finish("model-only", false), 0);
}
