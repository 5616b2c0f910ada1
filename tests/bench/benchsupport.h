#pragma once

// What the benchmarks share: the result table they print, the machine line, and the demo database they measure.

#include <QString>
#include <QTextStream>

namespace Moniagent::Bench {

// Standard output, for progress lines and the table.
QTextStream& out();
// Adds a row to the table and prints it as a progress line.
void report(const QString& what, const QString& result, const QString& target);
// Prints the collected rows as a Markdown table.
void printTable();
QString ms(double value);
// "Moniagent <name> benchmark — <OS>, <CPU>, <n> cores".
void printMachine(const QString& name);
// Creates `path` afresh with a default (en_US) profile and `rows` demo transactions ending today. Returns how
// long the insert took in seconds, or a negative number (after printing why) on failure.
double createDemoDatabase(const QString& path, qint64 rows, const char* program);

} // namespace Moniagent::Bench
