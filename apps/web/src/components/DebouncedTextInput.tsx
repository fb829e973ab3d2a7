import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

interface DebouncedTextInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly delay?: number;
}

/** A text filter that asks the server only once typing pauses (or on Enter). */
export function DebouncedTextInput({ value, onCommit, delay = 350, ...props }: DebouncedTextInputProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  // Follow changes made elsewhere (reset button, back button) without undoing what is being typed.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const schedule = (next: string, wait: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit.current(next.trim()), wait);
  };

  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        schedule(next, delay);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') schedule(text, 0);
      }}
    />
  );
}
