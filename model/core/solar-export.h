/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SOLAR_EXPORT_H
#define LLM_EDGE_SOLAR_EXPORT_H

#include "power-trace.h"

#include <istream>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Reads the hourly solar exports researchers already have into a
 * PowerTrace (time from the first row, s; power of the device's panel, W).
 *
 * Two layouts:
 * - "pvgis-hourly": PVGIS' hourly radiation/PV time series (seriescalc)
 *   CSV: metadata lines, the header `time,P,G(i),...` (or without P when no
 *   PV system was asked for), rows timed `YYYYMMDD:HHMM` (UTC), a blank
 *   line, then the legend. P is the PV power (W) of the system of the
 *   metadata's "Nominal power of the PV system (kWp)"; G(i) the irradiance
 *   on the panel's plane (W/m^2).
 * - "nsrdb-tmy": NREL NSRDB / SAM CSV (typical meteorological year or a
 *   single year): two metadata lines, the header `Year,Month,Day,Hour,
 *   Minute,...,GHI,...`, hourly rows. GHI is the global horizontal
 *   irradiance (W/m^2), used as is (no transposition to a tilted plane). A
 *   TMY takes each month from another year, so the Year column is not used:
 *   times run through one 365-day year from the first row.
 *
 * The panel, exactly one of:
 * - area and efficiency: P = irradiance x area x efficiency;
 * - rated power (W at 1000 W/m^2): PVGIS' P scaled to it
 *   (P x rated / nominal), or, without a P column, irradiance / 1000 x rated.
 *
 * Errors name the file, line and column (ConfigError).
 */
class SolarExport
{
  public:
    /// The panel that turns the export into power.
    struct Panel
    {
        double areaM2{0};      ///< panel area, m^2 (0: use the rated power)
        double efficiency{0};  ///< conversion efficiency with an area, (0, 1]
        double ratedW{0};      ///< rated power at 1000 W/m^2, W (0: use the area)
    };

    /**
     * \param format "pvgis-hourly" or "nsrdb-tmy"
     * \return true when this class reads it
     */
    static bool IsFormat(const std::string& format);

    /**
     * \brief Read a file.
     * \param path the file
     * \param format "pvgis-hourly" or "nsrdb-tmy"
     * \param panel the panel
     * \param periodS repetition period of the trace, s (0: hold the last value)
     * \return the trace
     */
    static PowerTrace Load(const std::string& path,
                           const std::string& format,
                           const Panel& panel,
                           double periodS);

    /**
     * \brief Read a stream (see Load).
     * \param in the stream
     * \param sourceName the name used in messages
     * \param format the layout
     * \param panel the panel
     * \param periodS repetition period, s
     * \return the trace
     */
    static PowerTrace Parse(std::istream& in,
                            const std::string& sourceName,
                            const std::string& format,
                            const Panel& panel,
                            double periodS);
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_SOLAR_EXPORT_H */
