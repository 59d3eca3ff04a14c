import { registry } from "@web/core/registry";
import { FloatField, floatField } from "@web/views/fields/float/float_field";

/**
 * A float that stays empty until someone gives it: a KPI score of 0.00 is a
 * real score (seed 004 Appendix 3: 0-4.99 % achieved allows 0-0.24), so the
 * record says in a boolean field (option ``entered_field``) whether one was
 * given; until then the cell shows nothing instead of 0.00.
 */
export class BagalauEnteredFloatField extends FloatField {
    static props = {
        ...FloatField.props,
        enteredField: { type: String, optional: true },
    };

    get formattedValue() {
        const { record, enteredField } = this.props;
        if (enteredField && !record.data[enteredField] && !record.dirty && !this.value) {
            return "";
        }
        return super.formattedValue;
    }
}

export const bagalauEnteredFloatField = {
    ...floatField,
    component: BagalauEnteredFloatField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...floatField.extractProps(fieldInfo, dynamicInfo),
        enteredField: fieldInfo.options.entered_field,
    }),
};

registry.category("fields").add("bagalau_entered_float", bagalauEnteredFloatField);
