/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_PARAMETER_FIT_H
#define LLM_EDGE_PARAMETER_FIT_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief One unstated parameter to fit, with its bounds.
 */
struct FitParameter
{
    std::string name; ///< name (also the option of the program that uses it)
    double lower{0};  ///< smallest value searched
    double upper{1};  ///< largest value searched
    double start{0};  ///< starting value (the hand-chosen one), in [lower, upper]
};

/**
 * \ingroup llm-edge
 * \brief One number reported by a paper, to be matched.
 */
struct FitTarget
{
    std::string id;        ///< name of the number
    double paper{0};       ///< the paper's value (not 0: errors are relative)
    double uncertainty{0}; ///< absolute uncertainty of the paper's value (reading, rounding)
    double weight{1};      ///< weight of its squared relative error in the loss
    std::string source;    ///< where it comes from (text, figure)
};

/// Maps parameter values (in the order of the FitParameter list) to one
/// number per target (in the order of the FitTarget list).
using FitModel = std::function<std::vector<double>(const std::vector<double>&)>;

/**
 * \param ours our value
 * \param paper the paper's value (not 0)
 * \return (ours - paper) / |paper|
 */
double RelativeError(double ours, double paper);

/**
 * \brief The loss: sum over targets of weight * RelativeError^2.
 * \param targets the targets
 * \param ours one value per target
 * \return the loss
 */
double WeightedLoss(const std::vector<FitTarget>& targets, const std::vector<double>& ours);

/// Settings of the simplex search.
struct FitOptions
{
    uint32_t maxEvaluations{150}; ///< model evaluations at most
    double tolerance{1e-3};       ///< stop when the simplex size (transformed space) is below
    double initialStep{0.3};      ///< initial simplex step in the transformed space (rad)
};

/// One evaluated point.
struct FitEvaluation
{
    std::vector<double> parameters; ///< parameter values
    std::vector<double> outputs;    ///< model outputs, one per target
    double loss{0};                 ///< loss at this point
};

/// The outcome of a fit.
struct FitResult
{
    std::vector<double> best;             ///< best parameters found
    std::vector<double> outputs;          ///< model outputs there
    double loss{0};                       ///< loss there
    uint32_t evaluations{0};              ///< model evaluations used
    bool converged{false};                ///< simplex size fell below the tolerance
    std::vector<FitEvaluation> history;   ///< every evaluation, in order
};

/**
 * \brief Minimizes a loss over a box with GSL's Nelder-Mead simplex
 * (gsl_multimin_fminimizer_nmsimplex2). The box is removed by the smooth
 * transform p = lower + (upper - lower) (1 + sin u) / 2, so the simplex
 * searches an unbounded u and every evaluated point is inside the bounds.
 * The model should be deterministic (common random numbers) so that the
 * loss surface does not jitter between evaluations.
 * \param parameters the parameters with bounds and start
 * \param loss maps parameter values to (loss, outputs)
 * \param options settings
 * \return the best point and the history
 */
FitResult MinimizeInBox(const std::vector<FitParameter>& parameters,
                        const std::function<FitEvaluation(const std::vector<double>&)>& loss,
                        const FitOptions& options);

/**
 * \brief Fits parameters to targets by the weighted squared relative error.
 * \param parameters the parameters with bounds and start
 * \param targets the targets
 * \param model the model (deterministic)
 * \param options settings
 * \return the fit
 */
FitResult FitParameters(const std::vector<FitParameter>& parameters,
                        const std::vector<FitTarget>& targets,
                        const FitModel& model,
                        const FitOptions& options);

/// Sensitivity of the loss to one fitted value.
struct FitSensitivity
{
    double lossDown{0}; ///< loss with the value 10 % lower (clipped to the bounds)
    double lossUp{0};   ///< loss with the value 10 % higher (clipped to the bounds)
    double rise{0};     ///< max(lossDown, lossUp) - loss at the fit
};

/**
 * \brief Loss rise when each fitted value moves by +- step (relative),
 * the others kept, clipped to the bounds.
 * \param parameters the parameters with bounds
 * \param targets the targets
 * \param model the model
 * \param best the fitted values
 * \param step relative move (0.1: 10 %)
 * \return one entry per parameter
 */
std::vector<FitSensitivity> ComputeSensitivity(const std::vector<FitParameter>& parameters,
                                               const std::vector<FitTarget>& targets,
                                               const FitModel& model,
                                               const std::vector<double>& best,
                                               double step = 0.1);

/// Whether one target can be met anywhere in the bounds.
struct FitReach
{
    bool reachable{false};          ///< within the uncertainty somewhere, or evaluated on both sides
    double closest{0};              ///< our value closest to the paper's found
    std::vector<double> parameters; ///< where
};

/**
 * \brief For each target, searches the box for the value closest to the
 * paper's alone (its own simplex search, started from the point of the
 * history closest to it): reachable when within the paper's uncertainty,
 * or when values on both sides of the paper's were seen (a continuous model
 * meets it on the segment between them).
 * \param parameters the parameters with bounds
 * \param targets the targets
 * \param model the model
 * \param history points already evaluated (e.g. the joint fit's)
 * \param options settings of each per-target search (maxEvaluations 0: the history alone)
 * \return one entry per target
 */
std::vector<FitReach> CheckReachability(const std::vector<FitParameter>& parameters,
                                        const std::vector<FitTarget>& targets,
                                        const FitModel& model,
                                        const std::vector<FitEvaluation>& history,
                                        const FitOptions& options);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_PARAMETER_FIT_H */
