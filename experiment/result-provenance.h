/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_RESULT_PROVENANCE_H
#define LLM_EDGE_RESULT_PROVENANCE_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace llmedge
{

class ProgramOptions;

/**
 * \ingroup llm-edge
 * \brief How a result file was made, written beside it as `<file>.meta.json`.
 *
 * Records the module version and git revision, the ns-3 release and build
 * mode (llm-edge-version.h), the program, its command line, every option of
 * the program with its value (defaults included, as text), ns-3's global
 * values (RngSeed, RngRun, scheduler, ...) and the run numbers the result
 * used. No wall-clock time, host name or user is recorded: the same command
 * on the same build writes the same sidecar bytes (only the result path
 * differs when the path differs), so result directories stay comparable.
 *
 * The result file itself is not touched: CSV bytes are the same with or
 * without provenance. Every example writes its sidecars through this class.
 *
 * Format (format "llm-edge-provenance/1"), keys in this order:
 * \code
 * {
 *   "format": "llm-edge-provenance/1",
 *   "result_file": "fig3-4.csv",
 *   "program": "llm-edge-paper",
 *   "llm_edge_version": "0.4.0",
 *   "llm_edge_git_revision": "0123456789ab",
 *   "ns3_version": "3.37",
 *   "build_system": "cmake-standalone",
 *   "command_line": ["--replications=5"],
 *   "parameters": {"replications": "5", ...},
 *   "ns3_globals": {"RngRun": "1", "RngSeed": "1", ...},
 *   "rng": {"uses_random_numbers": true, "seed": 1, "first_run": 1, "runs_per_point": 5}
 * }
 * \endcode
 */
class ResultProvenance
{
  public:
    /// Ordered (name, value) pairs.
    using Pairs = std::vector<std::pair<std::string, std::string>>;

    /// The format tag written in, and required of, every sidecar.
    static constexpr const char* kFormat = "llm-edge-provenance/1";

    /// Empty record carrying this build's version fields.
    ResultProvenance();

    /**
     * \brief The record of a program after ProgramOptions::Parse: its
     * options (every one, defaults included), command line and ns-3 global
     * values (RngSeed and RngRun among them).
     * \param program the program name
     * \param options the parsed options
     * \return the record; the caller adds the runs with SetRuns or SetNoRandomness
     */
    static ResultProvenance FromProgram(const std::string& program, const ProgramOptions& options);

    /**
     * \brief The sidecar path of a result file.
     * \param resultPath the result file
     * \return resultPath + ".meta.json"
     */
    static std::string SidecarPath(const std::string& resultPath);

    /**
     * \brief Write the sidecar of a result file (SidecarPath(resultPath)).
     * Throws ConfigError when it cannot be written.
     * \param resultPath the result file (its base name is recorded)
     */
    void WriteSidecar(const std::string& resultPath) const;

    /**
     * \brief Read a sidecar written by WriteSidecar. Throws ConfigError
     * naming the file on a read or format error.
     * \param sidecarPath the `.meta.json` file
     * \return the record as written
     */
    static ResultProvenance ReadSidecar(const std::string& sidecarPath);

    /**
     * \param resultFile the name recorded as result_file
     * \return the JSON text (ends with a newline)
     */
    std::string ToJson(const std::string& resultFile) const;

    /**
     * \brief Parse the JSON text of a sidecar. Throws ConfigError on
     * malformed JSON, a wrong format tag or missing keys.
     * \param text the JSON text
     * \param what name of the source for messages
     * \return the record
     */
    static ResultProvenance FromJson(const std::string& text, const std::string& what = "JSON");

    /**
     * \brief The result used random numbers: RngRun firstRun ..
     * firstRun + runsPerPoint - 1 for each point, with ns-3's RngSeed.
     * \param seed the RngSeed
     * \param firstRun first RngRun
     * \param runsPerPoint replications per point (result row)
     */
    void SetRuns(uint32_t seed, uint32_t firstRun, uint32_t runsPerPoint);

    /// The result used no random numbers (an exact model).
    void SetNoRandomness();

    /**
     * \brief Set or replace one parameter (kept in insertion order).
     * \param name parameter name
     * \param value its value as text
     */
    void SetParameter(const std::string& name, const std::string& value);

    /// \param program the program name
    void SetProgram(const std::string& program);
    /// \param args the command-line arguments (without the program name)
    void SetCommandLine(const std::vector<std::string>& args);

    /// \return the program name
    const std::string& GetProgram() const;
    /// \return the module version recorded
    const std::string& GetVersion() const;
    /// \return the module git revision recorded
    const std::string& GetGitRevision() const;
    /// \return the ns-3 release recorded
    const std::string& GetNs3Version() const;
    /// \return the build mode recorded
    const std::string& GetBuildSystem() const;
    /// \return the result file name recorded (after FromJson / ReadSidecar)
    const std::string& GetResultFile() const;
    /// \return the command-line arguments
    const std::vector<std::string>& GetCommandLine() const;
    /// \return every parameter, in order
    const Pairs& GetParameters() const;
    /// \return ns-3's global values, in order
    const Pairs& GetNs3Globals() const;
    /// \return whether random numbers were used
    bool UsesRandomNumbers() const;
    /// \return the RngSeed (when random numbers were used)
    uint32_t GetSeed() const;
    /// \return the first RngRun (when random numbers were used)
    uint32_t GetFirstRun() const;
    /// \return replications per point (when random numbers were used)
    uint32_t GetRunsPerPoint() const;

  private:
    std::string m_resultFile;             ///< base name of the result file
    std::string m_program;                ///< program name
    std::string m_version;                ///< module version
    std::string m_gitRevision;            ///< module git revision
    std::string m_ns3Version;             ///< ns-3 release
    std::string m_buildSystem;            ///< build mode
    std::vector<std::string> m_arguments; ///< command line
    Pairs m_parameters;                   ///< program options
    Pairs m_globals;                      ///< ns-3 global values
    bool m_random{false};                 ///< random numbers used
    uint32_t m_seed{0};                   ///< RngSeed
    uint32_t m_firstRun{0};               ///< first RngRun
    uint32_t m_runsPerPoint{0};           ///< replications per point
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_RESULT_PROVENANCE_H */
