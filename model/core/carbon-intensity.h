/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CARBON_INTENSITY_H
#define LLM_EDGE_CARBON_INTENSITY_H

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// Joules in one kilowatt-hour (exact).
constexpr double kJoulesPerKWh = 3.6e6;

/// Largest carbon intensity accepted from any input, g CO2eq/kWh (the
/// dirtiest grids are near 1300; 10^4 only catches unit mistakes).
constexpr double kMaxCarbonIntensity = 1e4;

/**
 * \ingroup llm-edge
 * \brief Emissions of grid energy: grams = gridJ * intensity / 3.6e6.
 *
 * The one place where energy and carbon intensity meet; no rounding.
 * \param gridEnergyJ energy drawn from the grid, J (>= 0)
 * \param intensityGPerKWh carbon intensity, g CO2eq/kWh (>= 0)
 * \return emissions, g CO2eq
 */
double GridEnergyToGramsCo2(double gridEnergyJ, double intensityGPerKWh);

/**
 * \ingroup llm-edge
 * \brief Grid carbon intensity over time: a constant or an hourly,
 * piecewise-constant series read from an Electricity Maps CSV export.
 *
 * File layout (Electricity Maps data portal, hourly): columns are matched
 * case-insensitively, extra columns are ignored, '#' lines are comments.
 * Required: `Datetime (UTC)` and the selected intensity column, either
 * direct (`Carbon Intensity gCO₂eq/kWh (direct)`) or life cycle
 * (`Carbon Intensity gCO₂eq/kWh (LCA)`; the 2024+ exports call it
 * `(Life cycle)`, the data portal page `(life cycle assessment)`; an ASCII
 * `gCO2eq` is accepted too). Optional: `Zone Id`; a file may hold several
 * zones, one is selected by its id.
 *
 * Timestamps are `YYYY-MM-DD HH:MM[:SS]` or ISO 8601 with `T` and an
 * optional `Z` or `+00:00`, all UTC. The selected zone's rows must be
 * strictly increasing by exactly one hour (no duplicates, no gaps);
 * intensities finite, >= 0 and <= kMaxCarbonIntensity. Rows of other zones
 * are not validated beyond their zone id being non-empty.
 *
 * Time origin and end of trace: t = 0 s is the first sample's timestamp;
 * sample i covers [3600 i, 3600 (i+1)) s. Past the trace's end the trace
 * **wraps around** (it is periodic with period N hours: a 7-day trace
 * repeats weekly, a yearly export yearly). Every error is a ConfigError
 * naming file, line and column and the offending value.
 */
class CarbonIntensityTrace
{
  public:
    /// Which intensity column of an Electricity Maps export to read.
    enum class Column
    {
        Direct,    ///< operational (direct) emissions only
        LifeCycle, ///< life-cycle assessment (LCA) emissions
    };

    /// Length of one sample, s.
    static constexpr double kHourS = 3600.0;

    /// A constant 0 g/kWh (no grid carbon).
    CarbonIntensityTrace() = default;

    /**
     * \brief A constant intensity.
     * \param gPerKWh intensity, g CO2eq/kWh, in [0, kMaxCarbonIntensity]
     * \return the trace
     */
    static CarbonIntensityTrace Constant(double gPerKWh);

    /**
     * \brief Parse an hourly Electricity Maps export.
     * \param in the stream
     * \param sourceName file name for messages
     * \param zoneId the `Zone Id` to select; empty: the file must hold one zone
     * \param column direct or life cycle
     * \return the trace
     */
    static CarbonIntensityTrace Parse(std::istream& in,
                                      const std::string& sourceName,
                                      const std::string& zoneId,
                                      Column column);

    /**
     * \brief Load an hourly Electricity Maps export from a file.
     * \param path the file
     * \param zoneId the `Zone Id` to select; empty: the file must hold one zone
     * \param column direct or life cycle
     * \return the trace
     */
    static CarbonIntensityTrace LoadCsv(const std::string& path,
                                        const std::string& zoneId,
                                        Column column);

    /**
     * \brief Parse a column name given by a user.
     * \param name "direct", "lca" or "life-cycle" (case-insensitive)
     * \return the column; throws ConfigError otherwise
     */
    static Column ParseColumn(const std::string& name);

    /**
     * \brief Intensity at a time.
     * \param secondsSinceStart s since the first sample (finite, >= 0); past
     *        the end the trace wraps around
     * \return intensity, g CO2eq/kWh
     */
    double GetIntensity(double secondsSinceStart) const;

    /**
     * \brief Time-averaged intensity over an interval (exact integral of the
     * piecewise-constant trace, wrapping around): the intensity to apply to
     * energy drawn at a constant rate over [startS, endS].
     * \param startS interval start, s (finite, >= 0)
     * \param endS interval end, s (>= startS); equal ends give GetIntensity(startS)
     * \return mean intensity, g CO2eq/kWh
     */
    double GetMeanIntensity(double startS, double endS) const;

    /// \return the mean over the whole trace (over one period), g CO2eq/kWh
    double GetMean() const;

    /// \return true when built by Constant (or default)
    bool IsConstant() const;

    /// \return the hourly values (one value for a constant), g CO2eq/kWh
    const std::vector<double>& GetValues() const;

    /// \return the period after which the trace wraps, s (0 for a constant)
    double GetPeriodS() const;

    /// \return the selected zone id (empty for a constant or a zone-less file)
    const std::string& GetZoneId() const;

    /// \return the first timestamp as written (empty for a constant)
    const std::string& GetStartUtc() const;

    /// \return the file name, or "constant"
    const std::string& GetOrigin() const;

  private:
    /// \param t s, >= 0 \return integral of the intensity over [0, t], g/kWh x s
    double Integral(double t) const;

    std::vector<double> m_values{0.0}; ///< hourly values (one for a constant), g/kWh
    std::vector<double> m_prefix{0.0}; ///< m_prefix[i]: integral over the first i hours
    bool m_constant{true};             ///< built by Constant
    double m_mean{0.0};                ///< mean over one period, g/kWh
    std::string m_zoneId;              ///< selected zone
    std::string m_startUtc;            ///< first timestamp as written
    std::string m_origin{"constant"};  ///< file or "constant"
};

/**
 * \ingroup llm-edge
 * \brief Yearly average grid carbon intensity per country or zone.
 *
 * CSV columns (case-insensitive, any order, extra columns ignored):
 * `zone_id,intensity_g_per_kwh` required; `iso3` (alternative id looked up
 * too), `name`, `year`, `flag`, `source` optional. Ids are unique
 * (case-insensitive) across both id columns; intensities finite, >= 0 and
 * <= kMaxCarbonIntensity.
 */
class YearlyCarbonIntensityTable
{
  public:
    /// One row of the table.
    struct Entry
    {
        std::string zoneId;      ///< e.g. "DE", "WORLD"
        std::string iso3;        ///< e.g. "DEU" (may be empty)
        std::string name;        ///< e.g. "Germany" (may be empty)
        double intensityGPerKWh; ///< g CO2eq/kWh
        std::size_t line;        ///< 1-based line in the file
    };

    /**
     * \brief Parse a table.
     * \param in the stream
     * \param sourceName file name for messages
     * \return the table
     */
    static YearlyCarbonIntensityTable Parse(std::istream& in, const std::string& sourceName);

    /**
     * \brief Load a table from a file.
     * \param path the file
     * \return the table
     */
    static YearlyCarbonIntensityTable LoadCsv(const std::string& path);

    /**
     * \brief Look a zone up by `zone_id` or `iso3` (case-insensitive).
     * \param id the id
     * \return its yearly average, g CO2eq/kWh; throws ConfigError listing
     *         the known ids when absent
     */
    double GetIntensity(const std::string& id) const;

    /// \return the entries in file order
    const std::vector<Entry>& GetEntries() const;

    /// \return the file name
    const std::string& GetOrigin() const;

  private:
    /// \param id an id \return its index or -1
    int Find(const std::string& id) const;

    std::vector<Entry> m_entries; ///< rows in file order
    std::string m_origin;         ///< file name
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_CARBON_INTENSITY_H */
