import { useId } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmDialogProps {
  title: string;
  body: string;
  cancelLabel: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
  testId: string;
}

/**
 * A modal question before something that loses data (react-aria's modal: focus
 * kept inside, the page behind hidden from screen readers, focus returned on
 * close). The safe choice comes first and has the focus; Escape means cancel;
 * a tap outside does nothing. Rendered only while asking.
 */
export function ConfirmDialog({ title, body, cancelLabel, confirmLabel, onCancel, onConfirm, testId }: ConfirmDialogProps) {
  const bodyId = useId();
  return (
    <ModalOverlay
      className="confirm-dialog-overlay"
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      <Modal className="confirm-dialog-modal">
        <Dialog className="confirm-dialog stack" role="alertdialog" aria-describedby={bodyId} data-testid={testId}>
          <Heading slot="title">{title}</Heading>
          <p id={bodyId}>{body}</p>
          <div className="button-row">
            {/* Native buttons, as before: the first one takes the focus when the dialog opens. */}
            <button type="button" className="button button-primary" onClick={onCancel} data-testid={`${testId}-cancel`} autoFocus>
              {cancelLabel}
            </button>
            <button type="button" className="button button-danger" onClick={onConfirm} data-testid={`${testId}-confirm`}>
              {confirmLabel}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
