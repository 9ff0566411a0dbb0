//! Machine learning on customer features: k-means with silhouette, PCA,
//! linear and logistic regression, decision trees — checked against
//! scikit-learn fixtures.
