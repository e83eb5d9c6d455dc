/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_POWER_TRACE_H
#define LLM_EDGE_POWER_TRACE_H

#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief A piecewise-constant harvested-power trace (e.g. hourly PV output).
 *
 * Row i holds power P_i (W) from time t_i (s) until t_{i+1}; before t_0 the
 * power is 0 and after the last row the last power holds. With a period
 * T_p > 0 the trace repeats: time is taken modulo T_p (T_p must exceed the
 * last time), which turns one measured day into any number of days.
 */
class PowerTrace
{
  public:
    PowerTrace() = default;

    /**
     * \param timesS strictly increasing, >= 0
     * \param powersW >= 0, same length
     * \param periodS 0 (no repetition) or > last time
     * \param origin name used in messages
     */
    PowerTrace(std::vector<double> timesS,
               std::vector<double> powersW,
               double periodS,
               std::string origin);

    /**
     * \brief Load from CSV.
     * \param path file path
     * \param timeColumn name of the time column (seconds)
     * \param powerColumn name of the power column (watts)
     * \param scale multiplies every power (e.g. panel count), >= 0
     * \param periodS repetition period, 0 for none
     * \return the trace
     */
    static PowerTrace LoadCsv(const std::string& path,
                              const std::string& timeColumn,
                              const std::string& powerColumn,
                              double scale,
                              double periodS);

    /**
     * \brief Parse CSV text (see LoadCsv).
     * \param in the stream
     * \param sourceName name used in messages
     * \param timeColumn name of the time column (seconds)
     * \param powerColumn name of the power column (watts)
     * \param scale multiplies every power, in [0, 1e6]
     * \param periodS repetition period, 0 for none
     * \return the trace
     */
    static PowerTrace Parse(std::istream& in,
                            const std::string& sourceName,
                            const std::string& timeColumn,
                            const std::string& powerColumn,
                            double scale,
                            double periodS);

    /**
     * \param tS time, s
     * \return power at \p tS, W
     */
    double GetPowerW(double tS) const;

    /**
     * \param fromS start, s
     * \param toS end, s (>= fromS)
     * \return energy harvested over [fromS, toS], J
     */
    double GetEnergyJ(double fromS, double toS) const;

    /// \return number of rows
    std::size_t GetN() const
    {
        return m_t.size();
    }

  private:
    double EnergyFromZero(double tS) const; ///< integral over [0, tS] without repetition

    std::vector<double> m_t;   ///< row start times, s
    std::vector<double> m_p;   ///< row powers, W
    std::vector<double> m_cum; ///< energy from t_0 up to t_i, J
    double m_periodS{0};       ///< repetition period, s
    std::string m_origin;      ///< for messages
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_POWER_TRACE_H */
