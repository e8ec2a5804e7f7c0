package org.alignlab.rlhf;

import java.util.List;

/** Small self-contained SVG line charts for the recipes' report sections. */
final class Charts {
    private Charts() {
    }

    /** A named line of (x, y) points; dashed lines are fitted curves. */
    record Line(String name, double[] x, double[] y, boolean dashed) {
    }

    private static final String[] COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#555"};

    static String lines(String title, String xLabel, String yLabel, List<Line> lines) {
        int w = 460;
        int h = 280;
        int left = 55;
        int right = 140;
        int top = 28;
        int bottom = 40;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i])) {
                    minX = Math.min(minX, l.x()[i]);
                    maxX = Math.max(maxX, l.x()[i]);
                    minY = Math.min(minY, l.y()[i]);
                    maxY = Math.max(maxY, l.y()[i]);
                }
            }
        }
        StringBuilder s = new StringBuilder(String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, h));
        s.append(String.format("<text x=\"%d\" y=\"16\" font-weight=\"bold\">%s</text>", left, esc(title)));
        if (!(maxX > minX)) {
            maxX = minX + 1;
        }
        if (!(maxY > minY)) {
            maxY = minY + 1;
        }
        double x0 = minX;
        double x1 = maxX;
        double y0 = minY - 0.05 * (maxY - minY);
        double y1 = maxY + 0.05 * (maxY - minY);
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        for (int t = 0; t <= 4; t++) {
            double yv = y0 + (y1 - y0) * t / 4;
            double py = top + plotH - plotH * t / 4.0;
            s.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>", left,
                    left + plotW, py, py));
            s.append(String.format("<text x=\"4\" y=\"%.1f\">%.1f</text>", py + 4, yv));
            double xv = x0 + (x1 - x0) * t / 4;
            double px = left + plotW * t / 4.0;
            s.append(String.format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>", px, top + plotH + 14, xv));
        }
        s.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>", left + plotW / 2 - 20, h - 6, esc(xLabel)));
        s.append(String.format("<text x=\"4\" y=\"%d\">%s</text>", top - 2, esc(yLabel)));
        int k = 0;
        int legend = top + 6;
        for (Line l : lines) {
            String colour = COLOURS[(l.dashed() ? k - 1 : k) % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < l.x().length; i++) {
                if (!Double.isFinite(l.x()[i]) || !Double.isFinite(l.y()[i])) {
                    continue;
                }
                double px = left + plotW * (l.x()[i] - x0) / (x1 - x0);
                double py = top + plotH - plotH * (l.y()[i] - y0) / (y1 - y0);
                path.append(path.length() == 0 ? "M" : " L").append(String.format("%.1f %.1f", px, py));
                if (!l.dashed()) {
                    s.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px, py, colour));
                }
            }
            s.append(String.format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s/>", path, colour,
                    l.dashed() ? " stroke-dasharray=\"4 3\"" : ""));
            if (!l.dashed()) {
                s.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                        left + plotW + 8, legend, colour, left + plotW + 22, legend + 5, esc(l.name())));
                legend += 15;
                k++;
            }
        }
        return s.append("</svg>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
