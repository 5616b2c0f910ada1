#pragma once

#include "category.h"

#include <QList>

namespace Moniagent {

// The category set every new profile starts with (DESIGN.md §3). The English names are the stable
// keys; display names are translated in the "DefaultCategories" context when a profile is created.
class DefaultCategories
{
public:
    struct Entry
    {
        const char* key; // English name, marked for translation
        CategoryType type;
        const char* icon; // resources/icons/categories/<icon>.svg
        const char* color;
    };

    static const QList<Entry>& entries();
    // The translated name of a default category (the key itself when untranslated).
    static QString displayName(const char* key);
    static QString displayName(const QString& key);
    // Categories for a new profile, translated with the currently installed translators.
    static QList<Category> forNewProfile();
    // The icon keys offered in the category editor.
    static QStringList iconKeys();
};

} // namespace Moniagent
