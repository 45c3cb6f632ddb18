#pragma once
// Collects every Qt warning/critical message during UI tests, so that a test can fail on a
// QML warning that does not come through QQmlEngine::warnings (plugin loading, bindings).

#include <QMutex>
#include <QStringList>

namespace fa::test {

QStringList takeQtWarnings();     ///< messages since the last call, then cleared
void installQtWarningCollector(); ///< called once by the UI tests' main

} // namespace fa::test
