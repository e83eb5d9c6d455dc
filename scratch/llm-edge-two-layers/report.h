/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SCRATCH_TWO_LAYERS_REPORT_H
#define LLM_EDGE_SCRATCH_TWO_LAYERS_REPORT_H

#include "ns3/inference-pipeline.h"

/// Print the pipeline's job accounts (a second file of the program).
void PrintReport(ns3::Ptr<ns3::llmedge::InferencePipeline> pipeline);

#endif
