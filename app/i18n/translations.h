#pragma once

#include <QLocale>
#include <QObject>

class QTranslator;

namespace Moniagent {

// Loads Moniagent's and Qt's translations for a locale, with English as the fallback.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject* parent = nullptr);
    ~Translations() override;

    // Replaces the installed translators; returns false if no Moniagent translation exists for the
    // locale's language (the English text is then used).
    bool install(const QLocale& locale);
    // Languages with a translation, as locale names ("de", "en").
    static QStringList available();

private:
    void removeAll();
    QList<QTranslator*> m_translators;
};

} // namespace Moniagent
