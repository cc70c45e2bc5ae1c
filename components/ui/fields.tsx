import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { fieldClass } from './styles';

/** A text field; pair it with a <label htmlFor>. */
export function Input({ className = '', ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${fieldClass} h-11 ${className}`} {...rest} />;
}

/** A multi-line field, monospaced when it holds tokens or keys (`mono`). */
export function Textarea({
  className = '',
  mono = false,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { mono?: boolean }) {
  return (
    <textarea
      className={`${fieldClass} py-2 ${mono ? 'font-mono text-xs leading-relaxed' : ''} ${className}`}
      {...rest}
    />
  );
}

export function Select({ className = '', ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${fieldClass} h-10 pr-8 ${className}`} {...rest} />;
}
