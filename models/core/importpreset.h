#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Moniagent {

// A named statement-import mapping saved by a user (table `import_presets`). The mapping itself is JSON that
// the importer owns (CsvMapping::toJson); storage does not interpret it.
struct ImportPreset
{
    qint64 id = 0;
    qint64 userId = 0;
    QString name;
    QString headerSignature; // CsvMapping::headerSignature of the header it was made for; empty when none
    QString mappingJson; // a JSON object
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::ImportPreset)
