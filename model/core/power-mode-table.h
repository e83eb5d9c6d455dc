/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_POWER_MODE_TABLE_H
#define LLM_EDGE_POWER_MODE_TABLE_H

#include <cstddef>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief One power mode of a device running one LLM block (one job).
 */
struct PowerMode
{
    std::string name;           ///< unique name, e.g. "30W"
    double timePerJobS{0};      ///< time to run one job, seconds (> 0)
    double energyPerJobJ{0};    ///< energy of one job, joules (>= 0)
    double idlePowerW{0};       ///< power while active and idle, watts (>= 0)
    double savingPowerW{0};     ///< power while in power saving, watts (>= 0)
    std::string flag;           ///< provenance flag: measured, spec, estimate, derived
    std::string source;         ///< where the numbers come from

    /// \return the average power while processing, W
    double GetJobPowerW() const
    {
        return energyPerJobJ / timePerJobS;
    }

    /**
     * \param slotS slot length, seconds
     * \return k = ceil(t / T), the slots one job occupies in the slotted model
     */
    unsigned GetSlotsPerJob(double slotS) const;
};

/**
 * \ingroup llm-edge
 * \brief A validated table of power modes, loadable from CSV or a preset.
 *
 * CSV columns (case-insensitive, any order, extra columns ignored):
 * `name,time_per_job_s,energy_per_job_j` required;
 * `idle_power_w,saving_power_w,flag,source` optional.
 */
class PowerModeTable
{
  public:
    PowerModeTable() = default;

    /**
     * \brief Build and validate from a list of modes.
     * \param modes the modes
     * \param origin text used in error messages and in outputs
     */
    PowerModeTable(std::vector<PowerMode> modes, std::string origin);

    /**
     * \brief Load from a CSV file.
     * \param path the file
     * \return the table
     */
    static PowerModeTable LoadCsv(const std::string& path);

    /**
     * \brief Load from CSV text (used by tests and embedded data).
     * \param text the CSV text
     * \param sourceName name used in messages
     * \return the table
     */
    static PowerModeTable ParseCsv(const std::string& text, const std::string& sourceName);

    /**
     * \brief The paper's AGX Orin table (15, 30, 50, 60 W) in one of its presets.
     * \param preset "paper-printed" (energies as printed, kJ) or "paper-scaled"
     *        (energies divided by 10; see the module documentation)
     * \return the table
     */
    static PowerModeTable FromPreset(const std::string& preset);

    /// \return the names of the built-in presets
    static std::vector<std::string> GetPresetNames();

    /// \return number of modes
    std::size_t GetN() const;
    /// \param i index \return mode i
    const PowerMode& Get(std::size_t i) const;
    /// \return all modes
    const std::vector<PowerMode>& GetModes() const;
    /// \return where the table came from (preset name or file)
    const std::string& GetOrigin() const;

    /**
     * \param name a mode name
     * \return its index; throws ConfigError naming \p what when absent
     * \param what the parameter that referred to the mode (for messages)
     */
    std::size_t IndexOf(const std::string& name, const std::string& what) const;

  private:
    void Validate() const;

    std::vector<PowerMode> m_modes; ///< the modes, in file order
    std::string m_origin;           ///< preset name or file path
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_POWER_MODE_TABLE_H */
