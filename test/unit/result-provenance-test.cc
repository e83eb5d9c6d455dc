/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ResultProvenance: the sidecar written beside a result file reads back
// equal to what was written (awkward strings included), refuses malformed
// or foreign JSON, and carries this build's version.

#include "ns3/config-error.h"
#include "ns3/llm-edge-version.h"
#include "ns3/result-provenance.h"

#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace ns3::llmedge;

namespace
{

ResultProvenance
Sample()
{
    ResultProvenance p;
    p.SetProgram("llm-edge-paper");
    p.SetCommandLine({"--replications=5", "--csv=out dir/fig \"3-4\".csv", "--ns3::X::Y=a\\b"});
    p.SetParameter("replications", "5");
    p.SetParameter("csv", "out dir/fig \"3-4\".csv");
    p.SetParameter("thresholds", "0:15W,0.4:30W,0.6:60W");
    p.SetParameter("empty", "");
    p.SetParameter("controls", std::string("tab\there\nnewline\r\x01 end"));
    p.SetParameter("utf8", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac");
    p.SetRuns(7, 11, 1000);
    return p;
}

void
ExpectSame(const ResultProvenance& a, const ResultProvenance& b)
{
    EXPECT_EQ(a.GetProgram(), b.GetProgram());
    EXPECT_EQ(a.GetVersion(), b.GetVersion());
    EXPECT_EQ(a.GetGitRevision(), b.GetGitRevision());
    EXPECT_EQ(a.GetNs3Version(), b.GetNs3Version());
    EXPECT_EQ(a.GetBuildSystem(), b.GetBuildSystem());
    EXPECT_EQ(a.GetCommandLine(), b.GetCommandLine());
    EXPECT_EQ(a.GetParameters(), b.GetParameters());
    EXPECT_EQ(a.GetNs3Globals(), b.GetNs3Globals());
    EXPECT_EQ(a.UsesRandomNumbers(), b.UsesRandomNumbers());
    EXPECT_EQ(a.GetSeed(), b.GetSeed());
    EXPECT_EQ(a.GetFirstRun(), b.GetFirstRun());
    EXPECT_EQ(a.GetRunsPerPoint(), b.GetRunsPerPoint());
}

} // namespace

TEST(ResultProvenance, VersionFieldsAreThisBuild)
{
    ResultProvenance p;
    EXPECT_EQ(p.GetVersion(), GetVersion());
    EXPECT_EQ(p.GetGitRevision(), GetGitRevision());
    EXPECT_EQ(p.GetNs3Version(), GetNs3Version());
    EXPECT_FALSE(GetVersion().empty());
    EXPECT_NE(GetVersion().find('.'), std::string::npos);
    EXPECT_NE(GetVersionLine().find("llm-edge " + GetVersion() + " (git "), std::string::npos);
}

TEST(ResultProvenance, JsonRoundTrip)
{
    ResultProvenance p = Sample();
    std::string json = p.ToJson("fig3-4.csv");
    ResultProvenance q = ResultProvenance::FromJson(json);
    ExpectSame(p, q);
    EXPECT_EQ(q.GetResultFile(), "fig3-4.csv");
    // Written again, the same bytes: no clock, no host.
    EXPECT_EQ(q.ToJson("fig3-4.csv"), json);
}

TEST(ResultProvenance, NoRandomnessRoundTrip)
{
    ResultProvenance p = Sample();
    p.SetNoRandomness();
    ResultProvenance q = ResultProvenance::FromJson(p.ToJson("x.csv"));
    EXPECT_FALSE(q.UsesRandomNumbers());
    ExpectSame(p, q);
}

TEST(ResultProvenance, SidecarFileRoundTrip)
{
    char dir[] = "/tmp/llm-edge-provenance-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    std::string csv = std::string(dir) + "/result.csv";
    {
        std::ofstream(csv) << "a,b\n1,2\n";
    }
    ResultProvenance p = Sample();
    p.WriteSidecar(csv);
    EXPECT_EQ(ResultProvenance::SidecarPath(csv), csv + ".meta.json");
    ResultProvenance q = ResultProvenance::ReadSidecar(csv + ".meta.json");
    ExpectSame(p, q);
    EXPECT_EQ(q.GetResultFile(), "result.csv");
    // The result file itself is untouched.
    std::ifstream in(csv);
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), "a,b\n1,2\n");
    std::remove((csv + ".meta.json").c_str());
    std::remove(csv.c_str());
    rmdir(dir);
}

TEST(ResultProvenance, RefusesMalformedOrForeignJson)
{
    std::string good = Sample().ToJson("x.csv");
    EXPECT_THROW(ResultProvenance::FromJson(""), ConfigError);
    EXPECT_THROW(ResultProvenance::FromJson("[]"), ConfigError);
    EXPECT_THROW(ResultProvenance::FromJson(good.substr(0, good.size() / 2)), ConfigError);
    EXPECT_THROW(ResultProvenance::FromJson(good + "x"), ConfigError);
    std::string other = good;
    other.replace(other.find("llm-edge-provenance/1"), 21, "llm-edge-provenance/9");
    EXPECT_THROW(ResultProvenance::FromJson(other), ConfigError);
    std::string noParams = good;
    noParams.replace(noParams.find("\"parameters\""), 12, "\"parameterz\"");
    EXPECT_THROW(ResultProvenance::FromJson(noParams), ConfigError);
    EXPECT_THROW(ResultProvenance::ReadSidecar("/nonexistent/x.csv.meta.json"), ConfigError);
}

TEST(ResultProvenance, ReadsStandardJsonEscapes)
{
    // What another JSON writer (Python's json.dump) may produce.
    std::string json = R"({"format": "llm-edge-provenance/1", "result_file": "r.csv",
        "program": "p", "llm_edge_version": "0.4.0", "llm_edge_git_revision": "unknown",
        "ns3_version": "3.35", "build_system": "waf", "command_line": [],
        "parameters": {"a": "\u00e9\/\ud83d\ude00", "b": "x\"y"}, "ns3_globals": {},
        "rng": {"uses_random_numbers": true, "seed": 1, "first_run": 2, "runs_per_point": 3}})";
    ResultProvenance q = ResultProvenance::FromJson(json);
    ASSERT_EQ(q.GetParameters().size(), 2u);
    EXPECT_EQ(q.GetParameters()[0].second, "\xc3\xa9/\xf0\x9f\x98\x80");
    EXPECT_EQ(q.GetParameters()[1].second, "x\"y");
    EXPECT_EQ(q.GetRunsPerPoint(), 3u);
    EXPECT_EQ(q.GetBuildSystem(), "waf");
}
