/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "report.h"

#include <iostream>

void
PrintReport(ns3::Ptr<ns3::llmedge::InferencePipeline> pipeline)
{
    std::cout << "arrived " << pipeline->GetArrived() << ", completed "
              << pipeline->GetCompleted() << ", dropped " << pipeline->GetDroppedTotal()
              << ", in flight " << pipeline->GetInFlight() << "\n";
}
