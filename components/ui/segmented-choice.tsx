'use client';

/**
 * One choice of a few, shown as a row of segments: a radio group underneath, so arrow keys move between the
 * choices and a screen reader says which is chosen. `layout` places the segments (a grid that stacks on a phone,
 * or a wrapping row).
 */
export function SegmentedChoice<Value extends string>({
  name,
  legend,
  legendHidden = false,
  options,
  value,
  onChange,
  layout,
}: {
  name: string;
  legend: string;
  legendHidden?: boolean;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  layout: string;
}) {
  return (
    <fieldset>
      <legend className={legendHidden ? 'sr-only' : 'mb-2 font-semibold'}>{legend}</legend>
      <div className={`rounded-lg border border-slate-300 p-0.5 dark:border-slate-600 ${layout}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className="cursor-pointer rounded-md px-3 py-1.5 text-sm has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-brand-500"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
