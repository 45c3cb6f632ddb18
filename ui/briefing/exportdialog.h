#pragma once
// File > Export briefing: format, size, content, title, caveat and decorations, with a live
// preview drawn by the same BriefingRenderer that writes the file. Choices are remembered.

#include "briefingrenderer.h"

#include <QDialog>
#include <QTimer>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fa {

class ViewState;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { Png, Pdf, Clipboard };
    enum class SizePreset { FullHd, Uhd4k, A4Landscape300, A3Landscape300, Custom };

    /// mapBox: what the map shows now (the export shows the same area).
    ExportDialog(ViewState* state, GeoBox mapBox, QWidget* parent = nullptr);

    /// The choices as plain values (what is saved in QSettings).
    BriefingSettings briefingSettings() const;
    Format format() const;
    SizePreset sizePreset() const;
    QSize pixelSize() const; ///< for PNG/clipboard (the preset or the custom size)

    void saveChoices() const;
    void loadChoices();

    /// Writes/copies according to the choices; asks for a file name unless one is given.
    /// Returns false (and shows why) on failure.
    bool exportNow(const QString& path = {});

    /// The renderer for the current choices and view (also used by the preview).
    BriefingRenderer makeRenderer() const;

    /// Copies a briefing of the current view to the clipboard with the remembered choices.
    static bool copyToClipboard(ViewState* state, GeoBox mapBox);

private:
    void schedulePreview();
    void updatePreview();
    void onFormatChanged();

    ViewState* m_state;
    GeoBox m_mapBox;
    QComboBox* m_format = nullptr;
    QComboBox* m_size = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QComboBox* m_content = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_subtitle = nullptr;
    QLineEdit* m_caveat = nullptr;
    QCheckBox* m_legend = nullptr;
    QCheckBox* m_scaleBar = nullptr;
    QCheckBox* m_northArrow = nullptr;
    QCheckBox* m_attribution = nullptr;
    QCheckBox* m_sources = nullptr;
    QCheckBox* m_timestamp = nullptr;
    QLabel* m_preview = nullptr;
    QTimer m_previewTimer;
};

} // namespace fa
