/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The GoogleTest unit tests (test/unit/) as one ns-3 TestSuite, so that
// ./test.py -s llm-edge-unit runs them inside an ns-3 tree too. The
// standalone build runs them through ctest instead, one test each.

#include "ns3/test.h"

#include <gtest/gtest.h>

namespace
{

using namespace ns3;

/// Runs every GoogleTest test linked into the test library.
class GoogleTestUnitsTestCase : public TestCase
{
  public:
    GoogleTestUnitsTestCase()
        : TestCase("every GoogleTest unit test of test/unit passes")
    {
    }

  private:
    void DoRun() override
    {
        // One test is left to the standalone build (ctest): its death test
        // uses GoogleTest's "threadsafe" style, which re-executes the test
        // binary with GoogleTest's flags, and ns-3's test-runner is not a
        // GoogleTest program.
        int argc = 2;
        char name[] = "llm-edge-unit";
        char filter[] = "--gtest_filter=-InvariantExit.ASimulatingProgramThatCheckedNothingFails";
        char* argv[] = {name, filter, nullptr};
        testing::InitGoogleTest(&argc, argv);
        int failed = RUN_ALL_TESTS();
        NS_TEST_EXPECT_MSG_EQ(failed, 0, "GoogleTest unit tests failed: their output is above");
        NS_TEST_EXPECT_MSG_GT(testing::UnitTest::GetInstance()->test_to_run_count(),
                              50,
                              "the unit tests were not linked into the test library");
    }
};

/// The suite.
class LlmEdgeUnitTestSuite : public TestSuite
{
  public:
    LlmEdgeUnitTestSuite()
        : TestSuite("llm-edge-unit", TestSuite::Type::UNIT)
    {
        AddTestCase(new GoogleTestUnitsTestCase);
    }
};

LlmEdgeUnitTestSuite g_llmEdgeUnitTestSuite; ///< registers the suite

} // namespace
