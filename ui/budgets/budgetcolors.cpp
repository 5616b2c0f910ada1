#include "budgetcolors.h"

namespace Moniagent {

bool BudgetColors::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor BudgetColors::forState(BudgetState state, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case BudgetState::Ok:
        return dark ? QColor(0x5F, 0xC2, 0x7E) : QColor(0x2E, 0x7D, 0x32);
    case BudgetState::Warning:
        return dark ? QColor(0xF2, 0xB1, 0x3C) : QColor(0xC2, 0x6A, 0x00);
    case BudgetState::Exceeded:
        return dark ? QColor(0xF4, 0x72, 0x6B) : QColor(0xC6, 0x28, 0x28);
    }
    return palette.color(QPalette::Highlight);
}

QColor BudgetColors::forTone(BudgetTone tone, const QPalette& palette)
{
    switch (tone) {
    case BudgetTone::Normal:
        return {};
    case BudgetTone::Good:
        return forState(BudgetState::Ok, palette);
    case BudgetTone::Warning:
        return forState(BudgetState::Warning, palette);
    case BudgetTone::Bad:
        return forState(BudgetState::Exceeded, palette);
    case BudgetTone::Muted:
        return palette.color(QPalette::PlaceholderText);
    }
    return {};
}

QColor BudgetColors::track(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // 14 % of the text color over the base: visible on both light and dark palettes, never loud.
    const qreal a = 0.14;
    return QColor::fromRgbF(base.redF() * (1 - a) + text.redF() * a, base.greenF() * (1 - a) + text.greenF() * a,
                            base.blueF() * (1 - a) + text.blueF() * a);
}

} // namespace Moniagent
