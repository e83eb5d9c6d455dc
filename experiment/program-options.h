/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_PROGRAM_OPTIONS_H
#define LLM_EDGE_PROGRAM_OPTIONS_H

#include "ns3/command-line.h"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// Exit status of a program stopped by a configuration error (ConfigError).
constexpr int kConfigErrorExitStatus = 2;
/// Exit status of a program stopped by any other exception (a bug).
constexpr int kInternalErrorExitStatus = 1;

/**
 * \ingroup llm-edge
 * \brief Run the body of a program's main and turn errors into exit statuses.
 *
 * A ConfigError becomes one line "<program>: error: <message>" on stderr and
 * exit status 2 (kConfigErrorExitStatus); any other std::exception becomes
 * "<program>: internal error: <message>" and status 1. Every example's main
 * is this call, so no configuration error aborts or escapes as an uncaught
 * exception.
 *
 * \param program the program name used as the message prefix (llm-edge-...)
 * \param body the program; its return value is the exit status
 * \return the exit status
 */
int RunProgram(const std::string& program, const std::function<int()>& body);

/**
 * \ingroup llm-edge
 * \brief Validated command-line options on top of ns-3's CommandLine.
 *
 * Every number is registered as text with CommandLine and converted here, so
 * that bounds are checked before any conversion: counts are plain decimal
 * whole numbers (no sign, no hex, no exponent) within [min, max]; reals are
 * finite decimal numbers (no hex, NaN or infinity) within their bounds.
 * Parse() also refuses unknown options, positional arguments, options given
 * without a value and malformed RngRun / RngSeed values, all as ConfigError
 * naming the option and the value.
 */
class ProgramOptions
{
  public:
    /**
     * \param program program name for messages
     * \param cmd the CommandLine (constructed by the program with __FILE__)
     */
    ProgramOptions(std::string program, CommandLine& cmd);

    /**
     * \brief A whole number in [min, max].
     * \param name option name without dashes
     * \param help help text
     * \param value default in, parsed value out
     * \param min smallest accepted value
     * \param max largest accepted value
     */
    void AddCount(const std::string& name,
                  const std::string& help,
                  uint32_t& value,
                  uint32_t min,
                  uint32_t max);

    /**
     * \brief A finite real in [min, max], or (min, max] when minOpen.
     * \param name option name without dashes
     * \param help help text
     * \param value default in, parsed value out
     * \param min lower bound
     * \param max upper bound
     * \param minOpen whether min itself is refused
     * \param maxOpen whether max itself is refused
     */
    void AddReal(const std::string& name,
                 const std::string& help,
                 double& value,
                 double min,
                 double max,
                 bool minOpen = false,
                 bool maxOpen = false);

    /**
     * \brief An optional finite real (no default): \p given tells whether it was set.
     * \param name option name without dashes
     * \param help help text
     * \param value parsed value out (unchanged when not given)
     * \param given set to whether the option was given
     * \param min lower bound
     * \param max upper bound
     * \param minOpen whether min itself is refused
     * \param maxOpen whether max itself is refused
     */
    void AddOptionalReal(const std::string& name,
                         const std::string& help,
                         double& value,
                         bool& given,
                         double min,
                         double max,
                         bool minOpen = false,
                         bool maxOpen = false);

    /**
     * \brief A string, optionally restricted to a set of choices.
     * \param name option name without dashes
     * \param help help text
     * \param value default in, value out
     * \param choices accepted values (empty: any)
     */
    void AddString(const std::string& name,
                   const std::string& help,
                   std::string& value,
                   const std::vector<std::string>& choices = {});

    /**
     * \brief A comma-separated list, each item among \p choices, no item empty.
     * \param name option name without dashes
     * \param help help text
     * \param value default in, value out (the list as text)
     * \param choices accepted items
     */
    void AddList(const std::string& name,
                 const std::string& help,
                 std::string& value,
                 const std::vector<std::string>& choices);

    /**
     * \brief An output file path; "none" means no file. Parse() checks that
     * the file can be written (without leaving a new file behind).
     * \param name option name without dashes
     * \param help help text
     * \param value default in, value out
     */
    void AddOutputFile(const std::string& name, const std::string& help, std::string& value);

    /**
     * \brief The program's description for --help; the module's version
     * line (GetVersionLine) is appended to it. Use this rather than
     * CommandLine::Usage, which Parse() overwrites.
     * \param text the description
     */
    void Usage(const std::string& text);

    /**
     * \brief Check argv, let CommandLine parse it, convert and check every
     * option, then print the version line as a comment, "# llm-edge 0.4.0
     * (git ..., ns-3 3.37, ...)", on standard output (--help shows it too).
     * \param argc argument count
     * \param argv arguments
     */
    void Parse(int argc, char* argv[]);

    /**
     * \brief Every option with its value as text (defaults included), in
     * the order registered; an optional option not given has "". For
     * ResultProvenance.
     * \return (name, value) pairs
     */
    std::vector<std::pair<std::string, std::string>> GetParameters() const;

    /**
     * \return the command-line arguments given to Parse (without argv[0])
     */
    const std::vector<std::string>& GetArguments() const;

    /**
     * \brief ns-3's global values (RngSeed, RngRun, SchedulerType, ...) as
     * they were right after Parse, before the program changed any (the
     * sweeps set RngRun per replication).
     * \return (name, value) pairs
     */
    const std::vector<std::pair<std::string, std::string>>& GetGlobalValues() const;

    /**
     * \return the names of the output-file options (AddOutputFile), in order
     */
    const std::vector<std::string>& GetOutputFileOptions() const;

    /**
     * \param name option name
     * \return whether it was given on the command line
     */
    bool WasGiven(const std::string& name) const;

    /**
     * \brief The RngRun of the first replication of a sweep: replication r
     * (1-based) uses RngRun base + r - 1, so the default RngRun 1 gives runs
     * 1..R and --RngRun=K gives K..K+R-1. Checks that the last run fits.
     * \param replications number of replications
     * \return the base run
     */
    uint32_t GetFirstRun(uint32_t replications) const;

    /**
     * \brief Refuse --RngRun and --RngSeed for a program without randomness.
     * \param why the reason shown in the message
     */
    void RefuseRng(const std::string& why) const;

  private:
    /// One registered option.
    struct Item
    {
        std::string name;                                ///< option name
        std::string text;                                ///< the text as given (or the default)
        std::function<void(const std::string&)> convert; ///< check and store
        bool optional{false};                            ///< empty text means "not given"
    };

    void CheckArgv(int argc, char* argv[]); ///< unknown options, missing values, RNG values

    std::string m_program;              ///< for messages
    CommandLine& m_cmd;                 ///< the ns-3 parser
    std::vector<Item> m_items;          ///< registered options (stable after Parse)
    std::vector<std::string> m_given;   ///< option names found on argv
    std::vector<std::string> m_outputs; ///< output-file options to check
    std::vector<std::string> m_args;    ///< argv[1..] as given to Parse
    std::string m_usage;                ///< description for --help
    std::vector<std::pair<std::string, std::string>> m_globals; ///< global values after Parse
    uint64_t m_rngRun{1};               ///< RngRun after Parse
    bool m_parsed{false};               ///< Parse() done
};

/**
 * \brief Parse a plain decimal whole number within bounds.
 * \param option the option name (for messages, without dashes)
 * \param text the text
 * \param min smallest accepted
 * \param max largest accepted
 * \return the number
 */
uint64_t ParseCountOption(const std::string& option,
                          const std::string& text,
                          uint64_t min,
                          uint64_t max);

/**
 * \brief Parse a finite decimal real within bounds (no hex, NaN, infinity).
 * \param option the option name (for messages, without dashes)
 * \param text the text
 * \param min lower bound
 * \param max upper bound
 * \param minOpen whether min is excluded
 * \param maxOpen whether max is excluded
 * \return the number
 */
double ParseRealOption(const std::string& option,
                       const std::string& text,
                       double min,
                       double max,
                       bool minOpen = false,
                       bool maxOpen = false);

/**
 * \brief Check that an output file can be written, leaving no new file behind.
 * \param option the option name (for messages)
 * \param path the path
 * \return whether the file exists already (it will be replaced)
 */
bool CheckWritableFile(const std::string& option, const std::string& path);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_PROGRAM_OPTIONS_H */
