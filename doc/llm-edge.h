/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/**
 * \defgroup llm-edge Decentralized LLM inference on energy-harvesting edge devices
 *
 * An LLM split into layers served by groups of Jetson-Orin-like devices that
 * run on a capped, solar-charged battery (EnergyHarvestingOrinDevice on a
 * CappedBatteryEnergySource), with power modes and power-saving hysteresis;
 * jobs routed layer by layer by an InferencePolicy (the paper's
 * SemiMarkovScheduler, the edge-cluster routing policies, or a user's own)
 * over zero-communication or TCP links (InferencePipeline). The pure core
 * (semi-Markov battery chain, stationary solver, rate limit, CSV readers,
 * bandit arithmetic) has no ns-3 types. See doc/llm-edge.rst.
 */
