/** @odoo-module **/
// The 360 result as a radar chart («паутинка», seed 004 Appendices 7-8):
// the respondents' average per competency and the self-assessment beside it.
import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

const COLORS = ["#1f77b4", "#ff7f0e"];

export class BagalauRadarField extends Component {
    static template = "hr_bagalau_360.BagalauRadarField";
    static props = { ...standardFieldProps };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderChart();
            },
            () => [this.props.record.data[this.props.name]]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    get data() {
        return this.props.record.data[this.props.name];
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = null;
        const data = this.data;
        if (!data || !this.canvasRef.el) {
            return;
        }
        this.chart = new Chart(this.canvasRef.el, {
            type: "radar",
            data: {
                labels: data.labels,
                datasets: data.datasets.map((dataset, index) => ({
                    label: dataset.label,
                    data: dataset.data,
                    borderColor: COLORS[index % COLORS.length],
                    backgroundColor: COLORS[index % COLORS.length] + "33",
                    spanGaps: true,
                })),
            },
            options: {
                animation: false,
                scales: { r: { min: 0, max: data.max || 5, ticks: { stepSize: 1 } } },
            },
        });
    }
}

export const bagalauRadarField = {
    component: BagalauRadarField,
    supportedTypes: ["json"],
};

registry.category("fields").add("bagalau_radar", bagalauRadarField);
