import { createRoute } from '@tanstack/react-router';
import { DocumentPage } from './DocumentPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const documentRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/documents/$documentId',
  component: function DocumentRoute() {
    const { documentId } = documentRoute.useParams();
    return <DocumentPage key={documentId} documentId={documentId} />;
  },
});
